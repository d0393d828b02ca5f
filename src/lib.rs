//! Walled Garden: a mock WeChat that runs the interoperability rules of
//! China's super-apps entirely client-side.

pub mod policy;

/// Mounts the app into the page's `<body>`.
pub fn start() {}
