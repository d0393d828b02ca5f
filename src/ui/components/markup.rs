//! The one adapter from `present`'s [`Markup`] to Yew's `Html`, and so the
//! one `Html::from_html_unchecked` of the crate: markup reaches the page
//! only as a `Markup`, which only the escaping builder makes
//! (`tests/house_rules.rs` keeps it so).

use crate::present::markup::Markup;
use yew::prelude::*;

/// `m` as nodes of the page.
pub fn html(m: Markup) -> Html {
    Shared::from(m).html()
}

/// Markup kept by a memo (the batch table, the record's cards) and drawn
/// on every render without copying it: cloning it clones an `Rc`.
#[derive(Clone, PartialEq)]
pub struct Shared(AttrValue);

impl From<Markup> for Shared {
    fn from(m: Markup) -> Shared {
        Shared(AttrValue::from(m.into_string()))
    }
}

impl Shared {
    /// The markup as nodes of the page.
    pub fn html(&self) -> Html {
        Html::from_html_unchecked(self.0.clone())
    }
}

#[cfg(test)]
mod tests {
    use crate::present::href as links;
    use crate::ui::route::Route;
    use crate::ui::router::href;

    /// present builds its links itself (it never imports `ui`): they are
    /// the router's.
    #[test]
    fn present_links_are_the_routers() {
        let id = "R-2021-09-17#part one";
        assert_eq!(
            links::timeline_entry(id),
            href(&Route::Timeline, &[("id", id)])
        );
        assert_eq!(links::rule(id), href(&Route::Rules, &[("id", id)]));
        for (to, route) in [
            (links::MOMENTS, Route::Moments),
            (links::REGISTER, Route::Register),
            (links::CONNECTION, Route::Connection),
            (links::OPEN, Route::Open),
        ] {
            assert_eq!(to, String::from("#") + &route.to_path());
        }
    }
}
