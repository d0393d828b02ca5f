//! Copying text: the clipboard API when the browser grants it, otherwise
//! the text is shown selected so the user can copy it by hand.

use crate::i18n::T;
use crate::ui::hooks::use_store;
use wasm_bindgen::JsValue;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The page's own address without the hash, for absolute links.
pub fn page_base() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(l.origin().ok()? + &l.pathname().ok()?)
        })
        .unwrap_or_default()
}

/// Writes `text` to the clipboard; `false` when there is no clipboard API
/// (insecure page, old browser) or the browser refused.
pub async fn write(text: &str) -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    // `navigator.clipboard` is missing outside secure contexts; calling it
    // then would throw, so look before touching it.
    let has = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard"))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    if !has {
        return false;
    }
    let p = nav.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(p).await.is_ok()
}

/// Props of [`CopyButton`].
#[derive(Properties, PartialEq)]
pub struct CopyProps {
    /// What is copied.
    pub text: AttrValue,
    /// The button's label.
    pub label: AttrValue,
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Idle,
    Copied,
    Selected,
}

/// A button that copies `text`, then says so; when the clipboard is not
/// available it shows the text selected instead. `data-copy` on the wrapper
/// is `idle`, `copied` or `selected`.
#[component]
pub fn CopyButton(props: &CopyProps) -> Html {
    let store = use_store();
    let state = use_state_eq(|| State::Idle);
    let input = use_node_ref();
    {
        // The fallback input exists only after the render: select it then.
        let input = input.clone();
        use_effect_with(*state, move |s| {
            if *s == State::Selected {
                if let Some(el) = input.cast::<HtmlInputElement>() {
                    let _ = el.focus();
                    el.select();
                }
            }
        });
    }
    let onclick = {
        let state = state.clone();
        let text = props.text.clone();
        Callback::from(move |_| {
            let state = state.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = write(&text).await;
                state.set(if ok { State::Copied } else { State::Selected });
            });
        })
    };
    let tag = match *state {
        State::Idle => "idle",
        State::Copied => "copied",
        State::Selected => "selected",
    };
    html! {
        <span class="copy" data-copy={tag} data-copy-text={props.text.clone()}>
            <button type="button" class="btn" {onclick}>{ props.label.clone() }</button>
            if *state == State::Copied {
                <span class="copied" role="alert">{ store.t(T::Copied) }</span>
            }
            if *state == State::Selected {
                <span class="copy-fallback" role="alert">
                    { store.t(T::CopyFailed) }
                    <input ref={input} readonly=true value={props.text.clone()} aria-label={props.label.clone()} />
                </span>
            }
        </span>
    }
}
