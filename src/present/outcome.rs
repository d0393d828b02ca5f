//! The static parts of what a user sees after tapping a link: WeChat's
//! pages (titles, texts, the link, the reason), the network's notice and
//! the mock pages in the in-app browser. Their buttons that do something
//! are `html!` in `ui::components::outcome`, around these.

use super::markup::Markup;
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::engine::Decision;
use crate::policy::rules::{Rules, Text};
use crate::state::page::MockPage;

/// Appends `<p class>text</p>` (no class when `class` is empty), for an
/// empty text only when `always`.
fn para(m: &mut Markup, class: &'static str, text: &str, always: bool) {
    if always || !text.is_empty() {
        let attrs: &[_] = if class.is_empty() {
            &[]
        } else {
            &[("class", class)]
        };
        m.leaf("p", attrs, text);
    }
}

/// A WeChat page's title.
fn title(m: &mut Markup, t: &Text) {
    m.leaf("h2", &[("class", "wx-page-title")], &t.title);
}

/// The link as its page shows it.
fn link_line(m: &mut Markup, link: &str) {
    m.leaf("p", &[("class", "wx-link")], link);
}

/// A confirmation or a warning before the page: its title, text, the link
/// and the reason (when the rule gives one).
pub fn interstitial(t: &Text, link: &str, reason: &str) -> Markup {
    let mut m = Markup::new();
    title(&mut m, t);
    para(&mut m, "wx-page-body", &t.body, true);
    link_line(&mut m, link);
    para(&mut m, "wx-reason", reason, false);
    m
}

/// "Copy to a browser": its title and the link (the reason follows the
/// Copy button, [`reason`]).
pub fn copy_head(t: &Text, link: &str) -> Markup {
    let mut m = Markup::new();
    title(&mut m, t);
    link_line(&mut m, link);
    m
}

/// The reason under a page, shown even when empty (its place is kept).
pub fn reason(text: &str) -> Markup {
    let mut m = Markup::new();
    para(&mut m, "wx-reason", text, true);
    m
}

/// A blocked or rejected link: a page without controls, the stop sign on
/// a blocked one.
pub fn stop_page(blocked: bool, t: &Text, reason: &str) -> Markup {
    let class = if blocked {
        "wx-page blocked"
    } else {
        "wx-page rejected"
    };
    let mut m = Markup::new();
    m.el("div", &[("class", class)], |m| {
        if blocked {
            let stop = [("class", "wx-stop"), ("aria-hidden", "true")];
            m.leaf("span", &stop, "!");
        }
        title(m, t);
        para(m, "wx-page-body", &t.body, false);
        para(m, "wx-reason", reason, blocked);
    });
    m
}

/// Below WeChat's step, when the network does not deliver the site: what
/// the page does where the phone is (`t`), labelled as the network's.
pub fn network_notice(t: &Text, lang: Lang) -> Markup {
    let mut m = Markup::new();
    let attrs = [("class", "network-page"), ("data-network", "unreachable")];
    m.el("aside", &attrs, |m| {
        let label = T::NetworkLabel.tr(lang);
        m.leaf("p", &[("class", "network-label")], label);
        m.leaf("h3", &[("class", "network-title")], &t.title);
        para(m, "", &t.body, false);
        para(m, "", &t.reason, false);
    });
    m
}

/// WeChat's in-app browser around a mock page: the parts of its frame
/// that have no controls.
pub struct Browser {
    /// The bar after the Close button: the host and the (inert) "···".
    pub bar: Markup,
    /// The page's kind, its class and `data-page`: the mock page's, or
    /// `unreachable` when the network does not deliver the site.
    pub kind: &'static str,
    /// The page.
    pub page: Markup,
}

/// The in-app browser for `d` (decided by `rules`): a mock page for the
/// platform's category, or the frame without its page when the network
/// does not deliver it.
pub fn browser(d: &Decision, rules: &Rules, lang: Lang) -> Browser {
    let platform = d.platform.as_deref().and_then(|p| rules.platform(p));
    let name = platform.map_or("", |p| lang.pick(&p.name_en, &p.name_zh));
    let mock = MockPage::of(platform);
    let kind = if d.reachable {
        mock.as_str()
    } else {
        "unreachable"
    };
    let mut bar = Markup::new();
    bar.leaf("span", &[("class", "wx-browser-host")], &d.host);
    let more = [
        ("type", "button"),
        ("class", "wx-icon-btn"),
        ("aria-label", T::More.tr(lang)),
    ];
    bar.leaf("button", &more, "···");
    let mut page = Markup::new();
    if let Some(texts) = d.network.as_ref() {
        // The frame opened (WeChat's step); the site's page never came.
        let t = texts.get(lang);
        page.leaf("h3", &[("class", "mock-title")], &t.title);
        para(&mut page, "mock-meta", T::NetworkLabel.tr(lang), false);
        return Browser { bar, kind, page };
    }
    let (head, meta, action) = match mock {
        MockPage::Product => (T::Product, "¥ 99.00", Some(T::BuyNow)),
        MockPage::Video => (T::Video, T::VideoMeta.tr(lang), None),
        MockPage::Doc => (T::Document, T::DocMeta.tr(lang), None),
        MockPage::Plain => (T::WebPage, "", None),
    };
    match mock {
        MockPage::Video => {
            page.leaf(
                "div",
                &[("class", "mock-video"), ("aria-hidden", "true")],
                "▶",
            );
        }
        MockPage::Product => {
            page.leaf(
                "div",
                &[("class", "mock-product"), ("aria-hidden", "true")],
                "",
            );
        }
        _ => {}
    }
    let sep = if name.is_empty() { "" } else { " · " };
    let heading = String::from(name) + sep + head.tr(lang);
    page.leaf("h3", &[("class", "mock-title")], &heading);
    para(&mut page, "mock-meta", meta, false);
    if let Some(a) = action {
        let buy = [("type", "button"), ("class", "btn primary")];
        page.leaf("button", &buy, a.tr(lang));
    }
    para(&mut page, "mock-note", T::MockPage.tr(lang), true);
    Browser { bar, kind, page }
}

/// A mini program's page: its path (without a leading `/`) and content.
pub fn mini_page(path: &str, content: &str) -> Markup {
    let mut m = Markup::new();
    m.leaf("p", &[("class", "mp-path")], &(String::from("/") + path));
    para(&mut m, "mp-content", content, true);
    m
}
