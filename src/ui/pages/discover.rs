//! Discover: the doors to the guided stories, Moments, mini programs and the simulator's tools,
//! and **About Walled Garden** (the welcome again, issue 25).

use crate::i18n::T;
use crate::ui::components::icon as draw_icon;
use crate::ui::components::nav_link::NavLink;
use crate::ui::components::welcome::AboutEntry;
use crate::ui::hooks::use_store;
use crate::ui::route::Route;
use yew::prelude::*;

// The stories come first: a newcomer's way in (issue 27), once the
// bundle has room for them (`crate::OVER_BUDGET`).
const STORIES: &[(Route, T, &str)] = &[(Route::Stories, T::Stories, "stories")];
const ENTRIES: &[&[(Route, T, &str)]] = &[
    if crate::OVER_BUDGET { STORIES } else { &[] },
    &[(Route::Moments, T::Moments, "moments")],
    &[
        (Route::MiniPrograms, T::MiniPrograms, "mini"),
        (Route::Open, T::LinkOpener, "link"),
    ],
    &[(Route::Connection, T::Connection, "connection")],
    &[
        (Route::Timeline, T::Timeline, "timeline"),
        (Route::Rules, T::Rules, "rules"),
    ],
];

/// WeChat's Discover list, in groups of cells.
#[component]
pub fn Discover() -> Html {
    let store = use_store();
    html! {
        <div class="discover">
            { for ENTRIES.iter().enumerate().map(|(g, group)| html! {
                <ul class="cells" key={g}>
                    { for group.iter().map(|(route, key, icon)| html! {
                        <li key={*icon}>
                            <NavLink to={route.clone()} classes={classes!("cell", "entry")}>
                                <span class={classes!("entry-icon", *icon)}>{ draw_icon(icon) }</span>
                                <span class="cell-body"><span class="cell-title">{ store.t(*key) }</span></span>
                                { draw_icon("chevron") }
                            </NavLink>
                        </li>
                    }) }
                </ul>
            }) }
            <ul class="cells">
                <li>
                    <AboutEntry cell=true classes={classes!("cell", "entry", "about-entry")}>
                        <span class="entry-icon about">{ draw_icon("about") }</span>
                    </AboutEntry>
                </li>
            </ul>
        </div>
    }
}
