//! The policy's URL parser in the browser: the page's own `URL`.
//!
//! Using the parser of the very browser that would open the link makes the
//! host exact by construction, and it adds nothing to the bundle.

use crate::policy::link::{set_full_parser, LinkError, UrlParts};

/// Makes the policy engine parse URLs with the browser's `URL`. Idempotent.
pub fn install() {
    set_full_parser(parse);
}

fn parse(input: &str) -> Result<UrlParts, LinkError> {
    // The browser's TypeError says nothing the user can act on.
    let url = web_sys::Url::new(input).map_err(|_| LinkError::Refused(String::new()))?;
    Ok(UrlParts {
        protocol: url.protocol(),
        hostname: url.hostname(),
        pathname: url.pathname(),
        search: url.search(),
    })
}
