//! Browser tests of the downloads (issue 26): **Download CSV** and
//! **Download data package** under the matrix, What changed, the record
//! and the batch check; **Download SVG** and **Download PNG** under the
//! chart. The file a click makes is caught at the hidden anchor (the click
//! is cancelled, its object URL read back), so the test sees the very
//! bytes a user would save. Run by `wasm-pack test --headless --chrome`.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use std::cell::RefCell;
use std::rc::Rc;
use walled_garden::policy::fingerprint::Fingerprint;
use walled_garden::present::download::{tables, zip, Field};
use walled_garden::ui::components::download::{chart_svg, png};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// What the last cancelled download was: its file name and object URL.
type Caught = Rc<RefCell<Option<(String, String)>>>;

/// Cancels every download click under the app's root and keeps the last
/// one's name and URL. The listener lives as long as the returned closure.
fn catch(app: &Mounted) -> (Caught, Closure<dyn Fn(web_sys::Event)>) {
    let caught: Caught = Rc::default();
    let keep = caught.clone();
    let cb = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let a = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if let Some(a) = a.filter(|a| a.has_attribute("download")) {
            e.prevent_default();
            let name = a.get_attribute("download").unwrap_or_default();
            *keep.borrow_mut() = Some((name, a.get_attribute("href").unwrap_or_default()));
        }
    });
    app.root
        .add_event_listener_with_callback("click", cb.as_ref().unchecked_ref())
        .unwrap();
    (caught, cb)
}

/// Waits (up to about five seconds) for a download to be caught: the PNG
/// is made in a task of its own.
async fn caught(c: &Caught) -> (String, String) {
    for _ in 0..250 {
        if let Some(got) = c.borrow_mut().take() {
            return got;
        }
        let later = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
        });
        JsFuture::from(later).await.unwrap();
    }
    panic!("no download was made");
}

/// The bytes behind an object URL.
async fn blob_bytes(href: &str) -> Vec<u8> {
    assert!(href.starts_with("blob:"), "{href}");
    let resp: web_sys::Response = JsFuture::from(web_sys::window().unwrap().fetch_with_str(href))
        .await
        .unwrap()
        .dyn_into()
        .unwrap();
    let buf = JsFuture::from(resp.array_buffer().unwrap()).await.unwrap();
    js_sys::Uint8Array::new(&buf).to_vec()
}

/// Presses the `n`-th button named `name` and returns the file it made.
async fn download(app: &Mounted, c: &Caught, name: &str, n: usize) -> (String, Vec<u8>) {
    let buttons = app.roles("button", Name::Is(name));
    assert!(buttons.len() > n, "{name} #{n}: {} found", buttons.len());
    click_el(&buttons[n]).await;
    let (file, href) = caught(c).await;
    (file, blob_bytes(&href).await)
}

fn header(fields: &[Field]) -> String {
    fields.iter().map(|f| f.name).collect::<Vec<_>>().join(",")
}

/// The CSV's first line.
fn first_line(bytes: &[u8]) -> String {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    text.split("\r\n").next().unwrap().to_string()
}

/// Checks a data package: its three files, the CSV's header against
/// `fields` and the descriptor's schema, and the rules fingerprint.
fn check_package(bytes: &[u8], csv: &str, fields: &[Field]) -> serde_json::Value {
    let files = zip::read(bytes).expect("a ZIP that reads back");
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, [csv, "datapackage.json", "README.md"]);
    assert_eq!(first_line(&files[0].1), header(fields));
    let meta: serde_json::Value = serde_json::from_slice(&files[1].1).unwrap();
    let schema: Vec<&str> = meta["resources"][0]["schema"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(schema.join(","), header(fields));
    let builtin = Fingerprint::builtin();
    assert_eq!(meta["rules_sha256"], builtin.sha256());
    let citation = meta["citation"].as_str().unwrap();
    assert!(citation.contains(builtin.short()), "{citation}");
    assert!(
        meta["permalink"].as_str().unwrap().starts_with("http"),
        "{meta}"
    );
    let readme = String::from_utf8(files[2].1.clone()).unwrap();
    assert!(readme.contains(builtin.sha256()), "{readme}");
    meta
}

#[wasm_bindgen_test]
async fn the_timeline_downloads_its_tables_with_their_provenance() {
    let app = mount_fresh("#/timeline?date=2021-10-01").await;
    let (c, _keep) = catch(&app);
    // The matrix and the record, before What changed has compared.
    assert_eq!(app.roles("button", Name::Is("Download CSV")).len(), 2);
    assert_eq!(
        app.roles("button", Name::Is("Download data package")).len(),
        2
    );

    let (name, csv) = download(&app, &c, "Download CSV", 0).await;
    assert_eq!(name, "walled-garden-matrix-2021-10-01.csv");
    assert_eq!(first_line(&csv), header(&tables::MATRIX));
    let text = String::from_utf8(csv).unwrap();
    assert!(text.contains("\r\n2021-10-01,douyin,https://"), "{text}");
    let (name, zip) = download(&app, &c, "Download data package", 0).await;
    assert_eq!(name, "walled-garden-matrix-2021-10-01.zip");
    let meta = check_package(&zip, "matrix.csv", &tables::MATRIX);
    assert_eq!(meta["scenario"]["date"], "2021-10-01");

    // The record: its entries with their sources.
    let (name, zip) = download(&app, &c, "Download data package", 1).await;
    assert_eq!(name, "walled-garden-record.zip");
    check_package(&zip, "record.csv", &tables::RECORD);

    // What changed: the rows the screen lists, once it has compared.
    app.fill("From", "2021-09-16").await;
    app.fill("To", "2021-09-17").await;
    app.press("Compare").await;
    let buttons = app.roles("button", Name::Is("Download CSV"));
    assert_eq!(buttons.len(), 3);
    let (name, csv) = download(&app, &c, "Download CSV", 1).await;
    assert_eq!(name, "walled-garden-changes-2021-09-16-2021-09-17.csv");
    let text = String::from_utf8(csv).unwrap();
    assert_eq!(first_line(text.as_bytes()), header(&tables::CHANGES));
    let shown = app.all("li[data-from][data-to][data-rules]").len();
    assert_eq!(
        text.split("\r\n").filter(|l| !l.is_empty()).count(),
        shown + 1,
        "{text}"
    );
    assert!(
        text.contains("2021-09-17,douyin,chat,copy_to_browser,confirm,"),
        "{text}"
    );
    let (_, zip) = download(&app, &c, "Download data package", 1).await;
    let meta = check_package(&zip, "changes.csv", &tables::CHANGES);
    assert_eq!(meta["days"]["from"], "2021-09-16");
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_chart_downloads_as_svg_and_png_with_its_footer() {
    let app = mount_fresh("#/timeline?date=2021-10-01").await;
    let (c, _keep) = catch(&app);
    let fp = Fingerprint::builtin();
    let (name, svg) = download(&app, &c, "Download SVG", 0).await;
    assert_eq!(name, "walled-garden-chart-chat.svg");
    let svg = String::from_utf8(svg).unwrap();
    for want in [
        "Days: 2013-01-01 – 2023-12-31",
        &(String::from("Rules: ") + fp.short()),
        fp.sha256(),
        "Permalink: http",
        "#/timeline?date=2021-10-01",
    ] {
        assert!(svg.contains(want), "{want}: {svg}");
    }
    // The image parses as SVG in the browser too.
    let parser = web_sys::DomParser::new().unwrap();
    let doc = parser
        .parse_from_string(&svg, web_sys::SupportedType::ImageSvgXml)
        .unwrap();
    assert!(
        doc.query_selector("parsererror").unwrap().is_none(),
        "{svg}"
    );

    // The PNG: the same image drawn into a canvas.
    let (name, bytes) = download(&app, &c, "Download PNG", 0).await;
    assert_eq!(name, "walled-garden-chart-chat.png");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    assert!(bytes.len() > 10_000, "{} bytes", bytes.len());
    // Twice the SVG's size: 1920 pixels wide (the IHDR's width).
    assert_eq!(u32::from_be_bytes(bytes[16..20].try_into().unwrap()), 1920);

    // The function behind the button, on the footer's own text.
    let data = walled_garden::state::seed::seed();
    let svg = chart_svg(
        &data,
        walled_garden::policy::Context::Group,
        "https://example.org/",
    );
    assert!(svg.contains("Permalink: https://example.org/#/timeline?"));
    let blob = png(&svg).await.expect("a PNG from the canvas");
    assert_eq!(blob.type_(), "image/png");
    assert!(blob.size() > 10_000.0, "{}", blob.size());
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_batch_check_downloads_a_package_of_its_links() {
    let app = mount_fresh("#/open?date=2021-12-10").await;
    let (c, _keep) = catch(&app);
    assert!(
        !app.has_button("Download data package"),
        "nothing checked yet"
    );
    let area = app
        .control("Links, one per line")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap();
    area.set_value(
        "https://m.tb.cn/h.x\n=HYPERLINK(\"http://evil/\")\n<img src=x onerror=alert(1)>\n",
    );
    app.press("Check").await;
    let (name, zip) = download(&app, &c, "Download data package", 0).await;
    assert_eq!(name, "walled-garden-links.zip");
    let meta = check_package(&zip, "links.csv", &tables::LINKS);
    assert!(meta["permalink"]
        .as_str()
        .unwrap()
        .contains("#/open?date=2021-12-10"));
    let files = zip::read(&zip).unwrap();
    let csv = String::from_utf8(files[0].1.clone()).unwrap();
    // A hostile link stays text: the formula defused, the markup as typed.
    assert!(
        csv.contains("\r\n\"'=HYPERLINK(\"\"http://evil/\"\")\","),
        "{csv}"
    );
    assert!(
        csv.contains("\r\n<img src=x onerror=alert(1)>,none,"),
        "{csv}"
    );
    let (name, bytes) = download(&app, &c, "Download CSV", 0).await;
    assert_eq!(name, "walled-garden-links.csv");
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        csv,
        "the package holds the CSV"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn downloads_speak_chinese_on_a_chinese_screen() {
    let app = mount_fresh("#/timeline?date=2021-10-01&lang=zh").await;
    let (c, _keep) = catch(&app);
    for name in ["下载 CSV", "下载数据包", "下载 SVG", "下载 PNG"] {
        assert!(app.has_button(name), "{name}");
    }
    let (_, zip) = download(&app, &c, "下载数据包", 0).await;
    let files = zip::read(&zip).unwrap();
    let readme = String::from_utf8(files[2].1.clone()).unwrap();
    assert!(readme.contains("## 如何引用"), "{readme}");
    // The values stay the app's identifiers in every language.
    let csv = String::from_utf8(files[0].1.clone()).unwrap();
    assert_eq!(first_line(csv.as_bytes()), header(&tables::MATRIX));
    let (_, svg) = download(&app, &c, "下载 SVG", 0).await;
    assert!(String::from_utf8(svg)
        .unwrap()
        .contains("日期范围：2013-01-01 – 2023-12-31"));
    app.unmount();
}
