//! Discover: the doors to Moments, mini programs and the simulator's tools.

use crate::i18n::T;
use crate::ui::components::Icon;
use crate::ui::route::Route;
use crate::ui::shell::NavLink;
use crate::ui::store::use_store;
use yew::prelude::*;

const ENTRIES: &[&[(Option<Route>, T, &str)]] = &[
    &[(Some(Route::Moments), T::Moments, "moments")],
    &[
        (Some(Route::MiniPrograms), T::MiniPrograms, "mini"),
        (Some(Route::Open), T::LinkOpener, "link"),
    ],
    &[(None, T::Connection, "connection")],
    &[
        (Some(Route::Timeline), T::Timeline, "timeline"),
        (Some(Route::Rules), T::Rules, "rules"),
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
                    { for group.iter().map(|(route, key, icon)| {
                        let inner = html! {<>
                            <span class={classes!("entry-icon", *icon)}><Icon name={*icon} /></span>
                            <span class="cell-body"><span class="cell-title">{ store.t(*key) }</span></span>
                        </>};
                        html! {
                            <li key={*icon}>
                                if let Some(route) = route {
                                    <NavLink to={route.clone()} classes={classes!("cell", "entry")}>
                                        { inner }
                                        <Icon name="chevron" />
                                    </NavLink>
                                } else {
                                    <div class="cell entry disabled">
                                        { inner }
                                        <span class="cell-time">{ store.t(T::ComingSoonTitle) }</span>
                                    </div>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }) }
        </div>
    }
}
