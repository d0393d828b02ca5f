//! The mock pages behind opened links: nothing ever loads the linked site,
//! so WeChat's in-app browser shows a page chosen by the platform's
//! category.

use crate::policy::rules::Platform;

/// The kind of mock page a platform's links open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MockPage {
    /// A product with a price and "Buy now" (e-commerce).
    Product,
    /// A video (short-video platforms).
    Video,
    /// A document (productivity suites).
    Doc,
    /// A plain web page (everything else, and links of no platform).
    Plain,
}

impl MockPage {
    /// The page for `platform`'s links: by its first matching category, in
    /// the order e-commerce, short video, productivity.
    pub fn of(platform: Option<&Platform>) -> MockPage {
        let has = |c: &str| platform.is_some_and(|p| p.categories.iter().any(|x| x == c));
        if has("ecommerce") {
            MockPage::Product
        } else if has("short_video") {
            MockPage::Video
        } else if has("productivity") {
            MockPage::Doc
        } else {
            MockPage::Plain
        }
    }

    /// The stable id: the page's class and `data-page` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            MockPage::Product => "product",
            MockPage::Video => "video",
            MockPage::Doc => "doc",
            MockPage::Plain => "plain",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::rules::Rules;

    fn page(id: &str) -> MockPage {
        let p = Rules::builtin().platform(id);
        assert!(p.is_some(), "{id} is in the rules");
        MockPage::of(p)
    }

    #[test]
    fn each_category_has_its_page() {
        assert_eq!(page("taobao"), MockPage::Product);
        assert_eq!(page("jd"), MockPage::Product);
        assert_eq!(page("douyin"), MockPage::Video);
        assert_eq!(MockPage::of(None), MockPage::Plain);
        assert!(
            Rules::builtin()
                .platforms()
                .iter()
                .any(|p| MockPage::of(Some(p)) == MockPage::Doc),
            "some platform opens a document"
        );
    }

    #[test]
    fn ids_are_the_contract_values() {
        let all = [
            MockPage::Product,
            MockPage::Video,
            MockPage::Doc,
            MockPage::Plain,
        ];
        let ids: Vec<_> = all.iter().map(|p| p.as_str()).collect();
        assert_eq!(ids, ["product", "video", "doc", "plain"]);
    }
}
