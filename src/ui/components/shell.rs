//! The phone frame: top bar, scenario bar, notices, the screen, and the
//! tab bar; beside it on a wide window, the side panel; over it on a
//! first visit, the welcome (issue 25).

use super::icon;
use super::nav_link::NavLink;
use super::scenario_bar::ScenarioBar;
use super::side_panel::SidePanel;
use super::welcome::{first_visit, Welcome};
use crate::i18n::{Explain, T};
use crate::state::model::{Notice, NoticeKind};
use crate::state::params::{carried_data, differs, merge, Refusal};
use crate::state::Action;
use crate::ui::hooks::{use_store, use_wide};
use crate::ui::route::{Route, TABS};
use crate::ui::router::{href, use_location, use_navigator, Navigator};
use crate::ui::store::Store;
use yew::prelude::*;

/// The query pairs to carry when moving to another screen.
type Carried = Vec<(&'static str, String)>;

fn carried_of(store: &Store) -> Carried {
    carried_data(store.data())
}

/// The address of `to` with the current scenario parameters.
fn href_of(store: &Store, to: &Route) -> String {
    href(to, &carried_of(store))
}

/// Props of [`Shell`].
#[derive(Properties, PartialEq)]
pub struct ShellProps {
    /// The current screen.
    pub children: Html,
}

/// The phone-shaped frame around every screen.
#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let store = use_store();
    let location = use_location();
    let navigator = use_navigator();
    let back_nav = navigator.clone();
    let route = location.route.clone();

    // Keep the address in step with the scenario, so a reload or a copied
    // address shows the same thing.
    {
        let group = store.data().douyin.group;
        let deps = (store.data().scenario, store.lang(), group, location.clone());
        let wanted = merge(&location.query, carried_of(&store));
        use_effect_with(deps, move |(_, _, _, location)| {
            if location.route != Route::NotFound && differs(&location.query, &wanted) {
                navigator.replace(&href(&location.route, &wanted));
            }
        });
    }

    // Leaving a story keeps the scenario its last step set: say so once,
    // so the reader is not surprised by the day on the next screen.
    {
        let store = store.clone();
        let was = use_mut_ref(|| route.clone());
        use_effect_with(route.clone(), move |now| {
            let before = std::mem::replace(&mut *was.borrow_mut(), now.clone());
            if crate::state::story::left(before.is_story(), now.is_story()) {
                store.dispatch(Action::Notify(NoticeKind::StoryLeft));
            }
        });
    }

    let title: AttrValue = match &route {
        Route::Chat { id } => match store.data().chat(id) {
            Some(chat) => store
                .data()
                .chat_title(chat, store.lang())
                .to_string()
                .into(),
            None => store.t(T::Chats).into(),
        },
        r => store.t(r.title()).into(),
    };
    let tab = route.tab();
    let welcome = use_state(first_visit);
    let close_welcome = {
        let welcome = welcome.clone();
        Callback::from(move |_| welcome.set(false))
    };
    let wide = use_wide();

    html! {<>
        <div class="phone">
            <header class="topbar">
                if let Some(parent) = route.parent() {
                    { back_button(&store, &back_nav, href_of(&store, &parent)) }
                }
                <h1 class="topbar-title">{ title }</h1>
                if !store.rules().is_builtin() {
                    <span class="custom-flag" data-rules-source="custom">
                        <NavLink to={Route::Rules}>{ store.t(T::CustomRulesFlag) }</NavLink>
                    </span>
                }
            </header>
            if !wide {
                <ScenarioBar />
            }
            { notices(&store) }
            <main class={classes!("screen", tab.is_some().then_some("with-tabs"))}>
                { props.children.clone() }
            </main>
            if let Some(active) = tab {
                { tab_bar(&store, active) }
            }
        </div>
        if wide {
            <SidePanel />
        }
        if *welcome {
            <Welcome on_close={close_welcome} />
        }
    </>}
}

/// The top bar's back arrow. It goes back in history when the previous
/// entry is one of the app's screens, which comes back as it was left (a
/// link's dialog open again, issue 25); on a link opened cold it leads to
/// the screen's parent, `parent` (`Navigator::back_or`).
/// Plain functions of the shell, not components: each component costs
/// about 0.8 KB of the bundle.
fn back_button(store: &Store, navigator: &Navigator, parent: String) -> Html {
    let navigator = navigator.clone();
    html! {
        <button class="back" aria-label={store.t(T::Back)} onclick={move |_| navigator.back_or(&parent)}>
            { icon("back") }
        </button>
    }
}

/// The tab bar, `active` the current tab.
fn tab_bar(store: &Store, active: usize) -> Html {
    html! {
        <nav class="tabbar" aria-label={store.t(T::Tabs)}>
            { for TABS.iter().enumerate().map(|(i, (route, key))| {
                let active = i == active;
                let name = ["chats", "contacts", "discover", "me"][i];
                html! {
                    <NavLink key={name} to={route.clone()} current={active} classes={classes!("tab", active.then_some("active"))}>
                        { icon(name) }
                        <span class="tab-label">{ store.t(*key) }</span>
                    </NavLink>
                }
            }) }
        </nav>
    }
}

/// The banner of notices (bad parameters, storage trouble), each dismissible,
/// as a `role="status"` (the contract's notice for a bad parameter).
fn notices(store: &Store) -> Html {
    if store.model().notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="notices" role="status">
            { for store.model().notices.iter().map(|n| notice(store, n)) }
        </div>
    }
}

fn notice(store: &Store, n: &Notice) -> Html {
    let text = match &n.kind {
        NoticeKind::BadParam { name, value } => {
            let lead = match crate::state::params::refusal(name, value) {
                Refusal::Malformed => T::BadParam,
                Refusal::OutsideRecord => T::BadParamOutside,
            };
            html! { <>{ store.t(lead) }{" "}<code>{ name }{"="}{ value }</code></> }
        }
        NoticeKind::StorageRecovered { backup_key, reason } => html! {
            <>{ store.t(T::StorageRecovered) }{" "}<code>{ backup_key }</code>{" ("}{ reason.explain(store.lang()) }{")"}</>
        },
        NoticeKind::WriteFailed => html! { store.t(T::StorageWriteFailed) },
        NoticeKind::Synced => html! { store.t(T::StorageSynced) },
        NoticeKind::StoryLeft => html! { crate::i18n::stories::S::Kept.tr(store.lang()) },
        NoticeKind::Dropped(why) => html! { why.explain(store.lang()) },
        NoticeKind::Imported { backup_key } => html! {
            <>{ store.t(T::ImportedNotice) }{" "}<code>{ backup_key }</code></>
        },
    };
    let id = n.id;
    html! {
        <div class="notice" key={id} data-notice={notice_kind(&n.kind)}>
            <p>{ text }</p>
            <button class="notice-close" onclick={store.callback(move |_| Action::Dismiss(id))}>
                { store.t(T::Dismiss) }
            </button>
        </div>
    }
}

fn notice_kind(kind: &NoticeKind) -> &'static str {
    match kind {
        NoticeKind::BadParam { .. } => "bad-param",
        NoticeKind::StorageRecovered { .. } => "recovered",
        NoticeKind::WriteFailed => "write-failed",
        NoticeKind::Synced => "synced",
        NoticeKind::StoryLeft => "story-left",
        NoticeKind::Dropped(_) => "dropped",
        NoticeKind::Imported { .. } => "imported",
    }
}
