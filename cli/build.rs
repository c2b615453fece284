//! `loadline` is linked as a position-dependent executable on Linux: the dynamic loader then has
//! no relocations to apply to it at start (they were two thirds of the page faults of
//! `loadline --version`, about half a millisecond of every command).

fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bin=loadline=-no-pie");
    }
}
