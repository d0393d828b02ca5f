#![cfg(not(target_arch = "wasm32"))]
//! Look-alike and tricky links: the platform and host must be exactly those
//! a browser gives (record §2). The table is shared with the wasm test.

#[path = "common/spoofing_table.rs"]
mod spoofing_table;

use spoofing_table::SPOOFING;

#[test]
fn table_has_at_least_forty_rows() {
    assert!(SPOOFING.len() >= 40, "{}", SPOOFING.len());
}

#[test]
fn spoofing_table_natively() {
    let f = spoofing_table::failures();
    assert!(f.is_empty(), "{}", f.join("\n"));
}

#[test]
fn hosts_agree_with_the_url_crate() {
    for &(link, _, host) in SPOOFING {
        let t = link.trim();
        if let Ok(u) = url::Url::parse(t) {
            if matches!(u.scheme(), "http" | "https") {
                assert_eq!(u.host_str().unwrap_or(""), host, "{link}");
            }
        }
    }
}

#[test]
fn named_look_alikes_are_not_taobao() {
    let names = [
        "https://taobao.com.evil.cn/",
        "https://mytaobao.com/",
        "https://evil.cn/taobao.com",
        "https://taobao.com@evil.cn/",
        "https://tаobao.com/",
    ];
    for n in names {
        let row = SPOOFING.iter().find(|r| r.0 == n).expect(n);
        assert_eq!(row.1, "none", "{n}");
    }
}
