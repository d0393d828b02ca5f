//! Downloads that carry their provenance (issue 26): **Download CSV** and
//! **Download data package** under the outcome matrix, What changed, the
//! record and the batch check, and **Download SVG** and **Download PNG**
//! under the chart. Nothing is built until a button is pressed: the bytes
//! come from `present::download` at the click and leave through an object
//! URL on a hidden `<a download>`, as Me's export and the rules editor's
//! do (the previous URL is released first).

use super::clipboard::page_base;
use crate::i18n::download::D;
use crate::i18n::T;
use crate::policy::matrix::{bands, platforms, Change, END, START};
use crate::policy::rules::Context;
use crate::policy::scenario::{Date, Scenario, EARLIEST};
use crate::present::download::{file_name, package, svg, tables, Table};
use crate::state::cite::{timeline_address, Citation};
use crate::state::model::Data;
use crate::state::opener::BatchRow;
use crate::state::params::full_query;
use crate::ui::hooks::use_store;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// What a pair of buttons downloads: the screen's own rows where it has
/// them (so the file is what the screen shows), else what the store holds.
#[derive(Clone, PartialEq)]
pub enum Source {
    /// The outcome matrix of the scenario's day.
    Matrix,
    /// What changed from `from` to `to`: the rows the screen lists.
    Changes {
        /// The first day.
        from: Date,
        /// The last day.
        to: Date,
        /// The rows shown.
        rows: Rc<Vec<Change>>,
    },
    /// The record's entries with their sources.
    Record,
    /// The batch check's rows.
    Links(Rc<Vec<BatchRow>>),
}

/// Today by the reader's clock: the day a download is made.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(
        d.get_full_year() as u16,
        (d.get_month() + 1) as u8,
        d.get_date() as u8,
    )
    .unwrap_or(EARLIEST)
}

/// The table of `source` in `data` and its citation, made on `made`, the
/// permalink under `base` (the page's address): what both buttons
/// download, and what the browser tests check.
pub fn build(data: &Data, source: &Source, made: Date, base: &str) -> (Table, Citation) {
    let rules = data.rules();
    let timeline = String::from(base) + &timeline_address(data, None);
    match source {
        Source::Matrix => (
            tables::matrix(rules, &data.scenario),
            Citation::of_matrix(data, made, timeline),
        ),
        Source::Changes { from, to, rows } => (
            tables::changes(rows),
            Citation::of_changes(data, *from, *to, made, timeline),
        ),
        Source::Record => (
            tables::record(rules, data.lang),
            package::of_record(Citation::of_matrix(data, made, timeline)),
        ),
        Source::Links(rows) => {
            let at = String::from(base) + "#/open" + &full_query(&data.scenario, data.lang);
            let c = Citation::of_batch(data, rows.len(), made, at);
            (tables::links(rows), c)
        }
    }
}

/// The table of `source` in `data`, without its citation: what **Download
/// CSV** needs, so that the release build, which has no data packages yet
/// (`crate::OVER_BUDGET`), carries no citation or package code for it.
pub fn table(data: &Data, source: &Source) -> Table {
    let rules = data.rules();
    match source {
        Source::Matrix => tables::matrix(rules, &data.scenario),
        Source::Changes { rows, .. } => tables::changes(rows),
        Source::Record => tables::record(rules, data.lang),
        Source::Links(rows) => tables::links(rows),
    }
}

/// The days a file of `source` is named by: the matrix's day, What
/// changed's two, none for the record and the links.
fn days(data: &Data, source: &Source) -> Vec<Date> {
    match source {
        Source::Matrix => vec![data.scenario.date],
        Source::Changes { from, to, .. } if from == to => vec![*from],
        Source::Changes { from, to, .. } => vec![*from, *to],
        Source::Record | Source::Links(_) => Vec::new(),
    }
}

/// The CSV a button downloads: its name, type and bytes.
pub fn csv_file(data: &Data, source: &Source) -> (String, &'static str, Vec<u8>) {
    let t = table(data, source);
    let name = file_name(t.kind, &days(data, source), "csv");
    (name, "text/csv;charset=utf-8", t.csv.into_bytes())
}

/// The data package a button downloads (made on `made`, the permalink under
/// `base`): its name, type and bytes.
pub fn package_file(
    data: &Data,
    source: &Source,
    made: Date,
    base: &str,
) -> (String, &'static str, Vec<u8>) {
    let (t, c) = build(data, source, made, base);
    let name = file_name(t.kind, &days(data, source), "zip");
    (name, "application/zip", package::package(&t, &c, data.lang))
}

/// An object URL holding `bytes` as a file of type `mime`.
pub fn blob_url(bytes: &[u8], mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Hands `url` to the hidden anchor as the file `name` and clicks it,
/// releasing the anchor's previous URL (one alive at a time).
fn hand(anchor: &NodeRef, name: &str, url: &str) {
    let Some(a) = anchor.cast::<web_sys::HtmlElement>() else {
        return;
    };
    if let Some(old) = a.get_attribute("href") {
        let _ = web_sys::Url::revoke_object_url(&old);
    }
    let _ = a.set_attribute("download", name);
    let _ = a.set_attribute("href", url);
    a.click();
}

/// Saves `bytes` as the file `name` of type `mime` through `anchor`.
pub fn save(anchor: &NodeRef, name: &str, mime: &str, bytes: &[u8]) {
    if let Some(url) = blob_url(bytes, mime) {
        hand(anchor, name, &url);
    }
}

/// Props of [`Downloads`].
#[derive(Properties, PartialEq)]
pub struct DownloadsProps {
    /// What the buttons download.
    pub source: Source,
}

/// **Download CSV** and **Download data package**.
#[component]
pub fn Downloads(props: &DownloadsProps) -> Html {
    let store = use_store();
    let anchor = use_node_ref();
    let press = |make: fn(&Data, &Source) -> (String, &'static str, Vec<u8>)| {
        let (store, anchor, source) = (store.clone(), anchor.clone(), props.source.clone());
        Callback::from(move |_: MouseEvent| {
            let (name, mime, bytes) = make(store.data(), &source);
            save(&anchor, &name, mime, &bytes);
        })
    };
    let lang = store.lang();
    html! {
        <div class="downloads">
            <button type="button" class="btn" onclick={press(csv_file)}>{ T::DownloadCsv.tr(lang) }</button>
            // The data package waits for room in the bundle (`OVER_BUDGET`).
            if crate::OVER_BUDGET {
                <button type="button" class="btn" onclick={press(|d, s| package_file(d, s, today(), &page_base()))}>{ D::Package.tr(lang) }</button>
            }
            <a ref={anchor} hidden=true download=""></a>
        </div>
    }
}

/// The chart of `ctx` in `data` as an SVG document with its footer (the
/// permalink under `base`, the days, the rules fingerprint).
pub fn chart_svg(data: &Data, ctx: Context, base: &str) -> String {
    let rules = data.rules();
    let undated = Scenario {
        date: START,
        ..data.scenario
    };
    let rows: Vec<_> = platforms(rules)
        .map(|(i, p)| (p.id.clone(), bands(rules, i, ctx, &undated, START, END)))
        .collect();
    let permalink = String::from(base) + &timeline_address(data, None);
    let fp = data.rules_fingerprint();
    let foot = svg::Footer {
        permalink: &permalink,
        from: START,
        to: END,
        fingerprint: &fp,
    };
    svg::chart(&rows, rules, ctx, &foot, data.lang)
}

/// `svg` drawn into a canvas at twice its size, as a PNG: the SVG as an
/// image from an object URL (the CSP allows `blob:` images), then
/// `canvas.toBlob`. `None` where the browser refuses a step.
pub async fn png(svg: &str) -> Option<web_sys::Blob> {
    let url = blob_url(svg.as_bytes(), "image/svg+xml")?;
    let img = web_sys::HtmlImageElement::new().ok()?;
    img.set_src(&url);
    let loaded = JsFuture::from(img.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    loaded.ok()?;
    let canvas: web_sys::HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    let (w, h) = (img.natural_width(), img.natural_height());
    canvas.set_width(w * 2);
    canvas.set_height(h * 2);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.scale(2.0, 2.0).ok()?;
    ctx.draw_image_with_html_image_element(&img, 0.0, 0.0)
        .ok()?;
    // toBlob calls back once; the promise's own resolve is that callback.
    let made = js_sys::Promise::new(&mut |resolve, reject| {
        if canvas.to_blob(&resolve).is_err() {
            let _ = reject.call0(&JsValue::NULL);
        }
    });
    JsFuture::from(made).await.ok()?.dyn_into().ok()
}

/// Props of [`ChartDownloads`].
#[derive(Properties, PartialEq)]
pub struct ChartDownloadsProps {
    /// The context the chart shows.
    pub context: Context,
}

/// **Download SVG** and **Download PNG** of the chart, each with the
/// footer that says where it came from.
#[component]
pub fn ChartDownloads(props: &ChartDownloadsProps) -> Html {
    let store = use_store();
    let anchor = use_node_ref();
    let ctx = props.context;
    let name = |ext: &str| String::from("walled-garden-chart-") + ctx.as_str() + "." + ext;
    let on_svg = {
        let (store, anchor, name) = (store.clone(), anchor.clone(), name("svg"));
        Callback::from(move |_: MouseEvent| {
            let text = chart_svg(store.data(), ctx, &page_base());
            save(&anchor, &name, "image/svg+xml", text.as_bytes());
        })
    };
    let on_png = {
        let (store, anchor, name) = (store.clone(), anchor.clone(), name("png"));
        Callback::from(move |_: MouseEvent| {
            let text = chart_svg(store.data(), ctx, &page_base());
            let (anchor, name) = (anchor.clone(), name.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let url = png(&text)
                    .await
                    .and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok());
                if let Some(url) = url {
                    hand(&anchor, &name, &url);
                }
            });
        })
    };
    let lang = store.lang();
    html! {
        <div class="downloads">
            <button type="button" class="btn" onclick={on_svg}>{ D::Svg.tr(lang) }</button>
            <button type="button" class="btn" onclick={on_png}>{ D::Png.tr(lang) }</button>
            <a ref={anchor} hidden=true download=""></a>
        </div>
    }
}
