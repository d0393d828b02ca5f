//! A counter: the smallest interactive Yew app, the floor the app's first
//! render is measured against (`bench_nav_to_interactive`).

use yew::prelude::*;

/// One button that counts its clicks.
#[component]
fn Counter() -> Html {
    let n = use_state(|| 0u32);
    let onclick = {
        let n = n.clone();
        Callback::from(move |_| n.set(*n + 1))
    };
    html! { <main><button {onclick}>{ "Count: " }{ *n }</button></main> }
}

fn main() {
    yew::Renderer::<Counter>::new().render();
}
