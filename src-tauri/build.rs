//! Tauri's build step, with the one list of commands: the names in `generate_handler!` in
//! src/commands.rs. From it come the permissions (each command needs one, so the page can call
//! exactly what capabilities/main.json grants), the capability's list of grants, and the
//! TypeScript list of command names that ui/src/api.ts calls. Nothing else lists them.

use std::fs;

fn main() {
    println!("cargo:rerun-if-changed=src/commands.rs");
    // The manifest keeps the names for the whole build: a build script may leak them.
    let source: &'static str =
        Box::leak(fs::read_to_string("src/commands.rs").expect("src/commands.rs is readable").into_boxed_str());
    let commands: &'static [&'static str] = Box::leak(handler_names(source).into_boxed_slice());
    write_if_changed("capabilities/main.json", &capability(commands));
    write_if_changed("../ui/src/bindings/commands.ts", &typescript(commands));
    let manifest = tauri_build::AppManifest::new().commands(commands);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)).expect("the Tauri build step failed");
}

/// The identifiers inside `tauri::generate_handler![ … ]`.
fn handler_names(source: &str) -> Vec<&str> {
    let start = source.find("generate_handler![").expect("commands.rs has a generate_handler! list") + 18;
    let end = start + source[start..].find(']').expect("the generate_handler! list ends");
    source[start..end].split(',').map(str::trim).filter(|n| !n.is_empty()).collect()
}

fn capability(commands: &[&str]) -> String {
    let mut permissions = vec!["core:event:allow-listen".to_string(), "core:event:allow-unlisten".to_string()];
    permissions.extend(commands.iter().map(|c| format!("allow-{}", c.replace('_', "-"))));
    let list: Vec<String> = permissions.iter().map(|p| format!("    \"{p}\"")).collect();
    format!(
        r#"{{
  "$schema": "../gen/schemas/desktop-schema.json",
  "identifier": "main",
  "description": "What Loadline's own windows may call: Loadline's commands and the event listener for data-changed, nothing else (no shell, file-system or other plugin). Written by build.rs from the commands in src/commands.rs.",
  "windows": [
    "main",
    "quicklog"
  ],
  "permissions": [
{}
  ]
}}
"#,
        list.join(",\n")
    )
}

fn typescript(commands: &[&str]) -> String {
    let list: Vec<String> = commands.iter().map(|c| format!("  '{c}',")).collect();
    format!(
        "// Written by src-tauri/build.rs from the commands in src-tauri/src/commands.rs. Do not edit.\n\nexport const COMMANDS = [\n{}\n] as const;\n\nexport type Command = (typeof COMMANDS)[number];\n",
        list.join("\n")
    )
}

/// Rewriting an unchanged file would make cargo and Vite think something changed.
fn write_if_changed(path: &str, text: &str) {
    if fs::read_to_string(path).ok().as_deref() != Some(text) {
        fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
    }
}
