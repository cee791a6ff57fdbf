//! Web entry of the editor page (`edit/`): mounts the editor. Everything
//! else lives in the library (`src/edit/`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(iguren_calendar::edit::Editor);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the editor page's entry; build it with `make build` (see README.md).");
    std::process::exit(2);
}
