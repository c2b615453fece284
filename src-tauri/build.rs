//! Tauri's build step. Listing the commands makes each one need a permission, so the page can
//! call exactly those that capabilities/main.json grants and nothing else.

const COMMANDS: &[&str] = &[
    "facts",
    "week_nav",
    "week_summary",
    "list_entries",
    "log_entry",
    "update_entry",
    "delete_entry",
    "restore_entry",
    "settings",
    "save_settings",
    "boundaries",
    "add_boundary",
    "edit_boundary",
    "remove_boundary",
    "sources",
    "store_problem",
    "notices",
    "mark_notices_read",
    "entries_by_ids",
    "reminder_state",
    "set_warnings_paused",
    "snooze_today",
    "export_preview",
    "export_save",
    "import_backup",
    "backups",
    "restore_backup",
    "prefs",
    "save_prefs",
    "shortcut_status",
    "quicklog_draft",
    "set_quicklog_draft",
    "close_quicklog",
    "quicklog_ready",
    "reflection",
    "save_reflection",
    "about",
    "open_data_dir",
    "set_autostart",
];

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)).expect("the Tauri build step failed");
}
