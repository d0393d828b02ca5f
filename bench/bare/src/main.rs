//! A counter and a text box: the smallest interactive Yew app, the floor
//! the app is measured against: its first render (`bench_nav_to_interactive`)
//! and a keystroke (`bench_keys`).

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// One button that counts its clicks, and one text box that keeps what is
/// typed in Yew state (a controlled input, as the app's fields are).
#[component]
fn Counter() -> Html {
    let n = use_state(|| 0u32);
    let text = use_state(String::new);
    let onclick = {
        let n = n.clone();
        Callback::from(move |_| n.set(*n + 1))
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    html! {
        <main>
            <button {onclick}>{ "Count: " }{ *n }</button>
            <input type="text" aria-label="Text" value={(*text).clone()} {oninput} />
        </main>
    }
}

fn main() {
    yew::Renderer::<Counter>::new().render();
}
