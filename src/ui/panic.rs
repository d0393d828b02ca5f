//! A panic never leaves a blank page: the crash screen is drawn by a few
//! lines of JavaScript, because after a panic the wasm side can't be trusted
//! to render anything.

use super::js::show_crash;
use wasm_bindgen::prelude::*;

/// Installs the hook (Yew's own would only log to the console).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&detail));
        let zh = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .is_some_and(|l| l.starts_with("zh"));
        let lang = if zh {
            crate::lang::Lang::Zh
        } else {
            crate::lang::Lang::En
        };
        use crate::i18n::T;
        show_crash(
            T::ErrorTitle.tr(lang),
            T::ErrorBody.tr(lang),
            T::Reload.tr(lang),
            &detail,
        );
    }));
}
