//! The app's hooks, in one place as the Yew examples keep theirs: the
//! store, the view (language, scenario, rules), the engine's decision,
//! modal layers, navigation.

use super::route::Route;
use super::router::href;
use super::store::{Dispatch, Store};
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::scenario::Scenario;
use crate::policy::{decide_as, Context, Decision, Rules, Viewer};
use crate::state::links::LinkView;
use crate::state::params::carried_data;
use std::rc::Rc;
use yew::prelude::*;

pub use super::router::{use_location, use_navigator};

/// The app store; must be used below `App`. A component that reads it
/// renders again on every change of the model: parts that show only the
/// language, the scenario or link settings read [`use_view`] instead, and
/// parts that only act take [`use_dispatch`].
#[hook]
pub fn use_store() -> Store {
    use_context::<Store>().expect("use_store outside App")
}

/// What most of the screen depends on, apart from the data: the language,
/// the scenario, the active rules and the link settings. Provided by
/// `ui::provider::StoreProvider` as a value that changes only when one of
/// them does, so that sending a message re-renders no link card.
#[derive(Clone, PartialEq)]
pub struct View {
    /// The UI language.
    pub lang: Lang,
    /// The simulated scenario.
    pub scenario: Scenario,
    /// The active rules.
    pub rules: RulesKey,
    /// The link settings and reports the cards show.
    pub links: LinkView,
}

impl View {
    /// The text of `key` in the view's language.
    pub fn t(&self, key: T) -> &'static str {
        key.tr(self.lang)
    }
}

/// The view; must be used below `App`.
#[hook]
pub fn use_view() -> Rc<View> {
    use_context::<Rc<View>>().expect("use_view outside App")
}

/// The store's dispatcher alone: it never changes, so a component that
/// only acts (reports a link) does not render again when the data does.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("use_dispatch outside App")
}

/// The active rule set in a memo key, compared by address: a loaded rule
/// set never changes, and comparing two by value would walk every rule.
/// `None` stands for the built-in rules.
#[derive(Clone)]
pub struct RulesKey(Option<Rc<Rules>>);

impl RulesKey {
    /// The key of the store's active rules.
    pub fn of(store: &Store) -> RulesKey {
        RulesKey(store.data().custom_rules_shared())
    }
    /// The key of `data`'s active rules.
    pub fn of_data(data: &crate::state::model::Data) -> RulesKey {
        RulesKey(data.custom_rules_shared())
    }
    /// The rules it stands for.
    pub fn rules(&self) -> &Rules {
        self.0.as_deref().unwrap_or_else(|| Rules::builtin())
    }
}

impl PartialEq for RulesKey {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

/// The engine's decision for `link` shared in `context`, as `viewer` sees
/// it under the store's scenario. Memoised on the link, the context, the
/// viewer, the scenario and the active rules: rendering again for anything
/// else (a new message, a notice) decides nothing again, and applying
/// other rules decides everything again.
#[hook]
pub fn use_decision(link: &AttrValue, context: Context, viewer: Viewer) -> Rc<Decision> {
    let view = use_view();
    let key = (
        link.clone(),
        context,
        viewer,
        view.scenario,
        view.rules.clone(),
    );
    use_memo(key, |(link, context, viewer, scenario, rules)| {
        decide_as(rules.rules(), link, *context, scenario, *viewer)
    })
}

/// What every modal layer of the app shares, for the element that gets
/// the returned ref (it holds `role="dialog"` with `aria-modal`): while
/// `open`, focus moves to its first control (for a confirmation, Cancel:
/// the safe choice), Tab and Shift+Tab stay inside, Escape presses its
/// `data-cancel` button, and on closing the focus goes back to the control
/// that opened it (`ui::js::modal`).
#[hook]
pub fn use_modal(open: bool) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(open, move |_| {
            let undo = node
                .cast::<web_sys::Element>()
                .map(|el| super::js::modal(&el));
            move || {
                if let Some(f) = undo {
                    let _ = f.call0(&wasm_bindgen::JsValue::NULL);
                }
            }
        });
    }
    node
}

/// A navigation callback that keeps the scenario parameters in the address.
#[hook]
pub fn use_go() -> Callback<Route> {
    let navigator = use_navigator();
    let store = use_store();
    Callback::from(move |to: Route| {
        let q = carried_data(store.data());
        navigator.push(&href(&to, &q));
    })
}

/// The decision for `link` in `context` under an explicit `scenario`
/// (one side of Compare, a story's compare step) with the active rules,
/// memoised on exactly those: a change of one side decides that side again
/// and never the other.
#[hook]
pub fn use_side_decision(link: &str, context: Context, scenario: Scenario) -> Rc<Decision> {
    let rules = use_view().rules.clone();
    use_memo(
        (AttrValue::from(link.to_string()), context, scenario, rules),
        |(link, context, scenario, rules)| {
            crate::policy::decide(rules.rules(), link, *context, scenario)
        },
    )
}

/// The link whose dialog is open over a chat or Moments, with callbacks
/// that open one and close it (issue 25). The address carries it
/// (`open=`, `state::params::OPEN`), written in place (no history entry),
/// so that following a record id from the dialog and coming back, with
/// the app's Back or the browser's, shows the dialog again. The callbacks
/// never change, so rows holding them are not rendered again.
#[hook]
pub fn use_open_link() -> (Option<AttrValue>, Callback<AttrValue>, Callback<()>) {
    use crate::state::params::{get, OPEN};
    let location = use_location();
    let navigator = use_navigator();
    let link = get(&location.query, OPEN)
        .filter(|l| !l.is_empty())
        .map(AttrValue::from);
    let open = {
        let navigator = navigator.clone();
        use_callback((), move |link: AttrValue, _| {
            navigator.set_param(OPEN, Some(&link))
        })
    };
    let close = use_callback((), move |(), _| navigator.set_param(OPEN, None));
    (link, open, close)
}

thread_local! {
    /// Where each kept scroller was last, by key, for the life of the tab.
    static PLACES: std::cell::RefCell<std::collections::HashMap<AttrValue, i32>> =
        Default::default();
}

/// A scroller whose place survives leaving the screen (issue 25: a chat
/// scrolled up to an older link card, its dialog, a record id followed,
/// and Back). Put `onscroll` on the scroller (`node`): every scroll notes
/// its place under `key`, a write to a map and no render. When `restore`
/// (the address reopens the dialog, so this is a return, not a fresh
/// visit that starts at the newest) the first render gives the place
/// back; `restored` says it did, so the caller doesn't scroll to the
/// newest over it.
pub struct KeptScroll {
    /// Goes on the scroller.
    pub onscroll: Callback<Event>,
    /// Whether the mount gave a kept place back.
    pub restored: bool,
}

/// See [`KeptScroll`].
#[hook]
pub fn use_kept_scroll(node: NodeRef, key: AttrValue, restore: bool) -> KeptScroll {
    // Decided once, on mount: later renders of the same visit keep it.
    let place = *use_state(|| {
        restore
            .then(|| PLACES.with(|p| p.borrow().get(&key).copied()))
            .flatten()
    });
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            if let (Some(top), Some(el)) = (place, node.cast::<web_sys::Element>()) {
                el.set_scroll_top(top);
            }
        });
    }
    let onscroll = use_callback(key, move |_: Event, key| {
        if let Some(el) = node.cast::<web_sys::Element>() {
            PLACES.with(|p| p.borrow_mut().insert(key.clone(), el.scroll_top()));
        }
    });
    KeptScroll {
        onscroll,
        restored: place.is_some(),
    }
}

/// Scrolls the element with id `target` to the top of the screen and
/// focuses it, once it is rendered and whenever `target` changes (the
/// timeline's `?id=`, the rules' `?id=`). Only the screen's own scroller
/// (the `main` element) moves, by `state::nav::reveal_top`, and the focus
/// scrolls nothing: `scrollIntoView` and a plain `focus` scroll every
/// ancestor, the phone frame with its title bar and Back too (issue 25).
#[hook]
pub fn use_reveal(target: Option<String>) {
    use wasm_bindgen::JsCast;
    use_effect_with(target, |id| {
        let el = id.as_deref().and_then(|id| {
            web_sys::window()?
                .document()?
                .get_element_by_id(id)?
                .dyn_into::<web_sys::HtmlElement>()
                .ok()
        });
        if let Some(el) = el {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
            if let Some(scroller) = el.closest("main").ok().flatten() {
                let top = crate::state::nav::reveal_top(
                    f64::from(scroller.scroll_top()),
                    el.get_bounding_client_rect().top(),
                    scroller.get_bounding_client_rect().top(),
                );
                // Whole pixels: the scroller rounds them anyway.
                scroller.set_scroll_top(top.round() as i32);
            }
        }
    });
}

/// Whether the window is wide enough for the side panel
/// (`state::orientation::is_wide`).
fn window_is_wide() -> bool {
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
    web_sys::window()
        .and_then(|w| Some((size(w.inner_width())?, size(w.inner_height())?)))
        .is_some_and(|(w, h)| crate::state::orientation::is_wide(w, h))
}

/// Whether the window is wide enough for the side panel, following
/// resizes (issue 25): the shell renders the side panel or the scenario
/// bar, never both, so neither is hidden by a style a test page may not
/// load.
#[hook]
pub fn use_wide() -> bool {
    let wide = use_state_eq(window_is_wide);
    {
        let wide = wide.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "resize", move |_| wide.set(window_is_wide()))
            });
            move || drop(listener)
        });
    }
    *wide
}

/// Whether a layer a button opens (a sheet, a dialog) is open, with the
/// button's callback and the layer's `on_close`: a part that opens one owns
/// this state, so nothing around it renders when it opens or closes.
#[derive(Clone, PartialEq)]
pub struct Layer {
    /// Whether the layer is shown.
    pub open: bool,
    /// Opens it (the button's `onclick`).
    pub show: Callback<MouseEvent>,
    /// Closes it (the layer's `on_close`).
    pub hide: Callback<()>,
}

/// A [`Layer`], closed at first.
#[hook]
pub fn use_layer() -> Layer {
    let open = use_state_eq(|| false);
    let show = {
        let open = open.clone();
        use_callback((), move |_: MouseEvent, _| open.set(true))
    };
    let hide = {
        let open = open.clone();
        use_callback((), move |(), _| open.set(false))
    };
    Layer {
        open: *open,
        show,
        hide,
    }
}
