//! The spoofing table, shared by the native test (`policy_spoofing.rs`) and
//! the browser test (`policy_wasm.rs`) so both parsers are held to the same
//! expectations: look-alike and tricky links with the platform and the host
//! a browser would give them.

use walled_garden::policy::engine::decide;
use walled_garden::policy::rules::{Context, Rules};
use walled_garden::policy::scenario::Scenario;

/// (link, expected platform id or `none`, expected host).
pub const SPOOFING: &[(&str, &str, &str)] = &[
    ("https://taobao.com/", "taobao", "taobao.com"),
    ("https://taobao.com.evil.cn/", "none", "taobao.com.evil.cn"),
    ("https://mytaobao.com/", "none", "mytaobao.com"),
    ("https://evil.cn/taobao.com", "none", "evil.cn"),
    ("https://taobao.com@evil.cn/", "none", "evil.cn"),
    ("taobao.com@evil.cn", "none", "evil.cn"),
    ("https://tаobao.com/", "none", "xn--tobao-4ve.com"),
    ("tаobao.com", "none", "xn--tobao-4ve.com"),
    ("TAOBAO.COM.", "taobao", "taobao.com."),
    ("https://TAOBAO.COM./", "taobao", "taobao.com."),
    ("ｔａｏｂａｏ．ｃｏｍ", "taobao", "taobao.com"),
    ("https://ｔａｏｂａｏ．ｃｏｍ/", "taobao", "taobao.com"),
    ("taobao。com", "taobao", "taobao.com"),
    ("http://evil.cn\\@taobao.com", "none", "evil.cn"),
    ("http://127.0.0.1/", "none", "127.0.0.1"),
    ("http://[::1]/", "none", "[::1]"),
    ("http://[0:0::1]/", "none", "[::1]"),
    ("http://0x7f000001/", "none", "127.0.0.1"),
    ("http://2130706433/", "none", "127.0.0.1"),
    ("https://y.qq.com/n/", "qqmusic", "y.qq.com"),
    ("https://mail.qq.com/", "wechat", "mail.qq.com"),
    ("https://qq.com/", "wechat", "qq.com"),
    ("https://notqq.com/", "none", "notqq.com"),
    ("https://v.douyin.com/abc/", "douyin", "v.douyin.com"),
    (
        "https://www.iesdouyin.com/share/video/1",
        "douyin",
        "www.iesdouyin.com",
    ),
    ("https://douyin.com.cn/", "none", "douyin.com.cn"),
    ("m.tb.cn/h.abc", "taobao", "m.tb.cn"),
    ("https://tb.cn.evil.com/", "none", "tb.cn.evil.com"),
    ("https://%74aobao.com/", "taobao", "taobao.com"),
    ("https://taobao%2ecom/", "taobao", "taobao.com"),
    ("https://item.taobao.com/x", "taobao", "item.taobao.com"),
    ("https://jd.com.evil.cn/", "none", "jd.com.evil.cn"),
    ("https://3.cn/abc", "jd", "3.cn"),
    (
        "https://www.yangkeduo.com/",
        "pinduoduo",
        "www.yangkeduo.com",
    ),
    ("https://evil-taobao.com/", "none", "evil-taobao.com"),
    ("https://taobao.co/", "none", "taobao.co"),
    ("https://xn--tobao-5ve.com/", "none", "xn--tobao-5ve.com"),
    ("https://www.tmall.hk/", "tmall", "www.tmall.hk"),
    ("https://tmall.hk.evil.com/", "none", "tmall.hk.evil.com"),
    ("https://feishu.cn:443/x", "feishu", "feishu.cn"),
    ("https://user:pass@feishu.cn/", "feishu", "feishu.cn"),
    ("https://feishu.cn.@evil.cn/", "none", "evil.cn"),
    ("https://xhslink.com/a", "xiaohongshu", "xhslink.com"),
    ("https://t.co/x", "twitter", "t.co"),
    ("https://x.com/", "twitter", "x.com"),
    ("https://t.com/", "none", "t.com"),
    ("https://facebook.com.cn/", "none", "facebook.com.cn"),
    ("https://m.facebook.com/", "facebook", "m.facebook.com"),
    ("https://wxaurl.cn/abc", "wechat", "wxaurl.cn"),
    ("HTTP://WWW.JD.COM", "jd", "www.jd.com"),
    ("https://taobao.com\\.evil.cn", "taobao", "taobao.com"),
    ("https://ＴＡＯＢＡＯ.com", "taobao", "taobao.com"),
    ("https://taobao.com%2F@evil.cn/", "none", "evil.cn"),
    ("https://jd。com/", "jd", "jd.com"),
    ("https://zhihu.com./", "zhihu", "zhihu.com."),
    ("https://www.zhihu.com../", "none", "www.zhihu.com.."),
    ("javascript:alert('taobao.com')", "none", ""),
    ("https://taobao.com%00.evil.cn/", "none", ""),
    ("https://www.larksuite.com/", "feishu", "www.larksuite.com"),
    ("https://taobao.com:evil.cn/", "none", ""),
];

/// Runs the table in every context; returns one line per mismatch.
pub fn failures() -> Vec<String> {
    let rules = Rules::builtin();
    let scenario = Scenario::default();
    let mut out = Vec::new();
    for &(link, platform, host) in SPOOFING {
        for ctx in Context::ALL {
            let d = decide(rules, link, ctx, &scenario);
            if d.platform_id() != platform || d.host != host {
                out.push(format!(
                    "{link:?} in {}: got platform {} host {:?}, want {platform} {host:?}",
                    ctx.as_str(),
                    d.platform_id(),
                    d.host
                ));
            }
        }
    }
    out
}
