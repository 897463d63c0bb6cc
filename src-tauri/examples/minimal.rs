//! The baseline of the start-up benchmark (`make bench`): a Tauri window on the same runtime
//! and webview as Cofnod, showing a one-line page (`ui/public/minimal.html`) and nothing else:
//! no database, no commands. `tests/bench/startup.mjs` starts both through the same WebDriver
//! path in the same run and prints the ratio.

fn main() {
    let mut context = tauri::generate_context!();
    // Not the app's own window: only the minimal page.
    context.config_mut().app.windows.clear();
    let result = tauri::Builder::default()
        .setup(|app| {
            tauri::WebviewWindowBuilder::new(
                app,
                "main",
                tauri::WebviewUrl::App("minimal.html".into()),
            )
            .title("Minimal Tauri window")
            .build()?;
            Ok(())
        })
        .run(context);
    if let Err(e) = result {
        eprintln!("minimal window: {e}");
        std::process::exit(1);
    }
}
