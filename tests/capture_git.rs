//! Git capture: the person's commits in a repository made here with the git command line, at
//! their own offsets, grouped into sessions of self-initiated, chosen work.

use std::path::Path;
use std::process::Command;

use loadline_core::capture::{git, Found, Kind, Skip};
use loadline_core::interruptions::Severity;

use crate::support::{capture_options, utc};

const ME: &str = "ana@example.com";

/// Runs git in `dir` with no user or system configuration; `date` is the author and committer date.
fn git_in(dir: &Path, args: &[&str], email: &str, date: &str) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Someone")
        .env("GIT_AUTHOR_EMAIL", email)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_NAME", "Someone")
        .env("GIT_COMMITTER_EMAIL", email)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

fn commit(dir: &Path, email: &str, date: &str, message: &str) -> String {
    git_in(dir, &["commit", "--allow-empty", "-q", "-m", message], email, date);
    git_in(dir, &["rev-parse", "HEAD"], email, date)
}

fn new_repo(parent: &Path, name: &str) -> std::path::PathBuf {
    let dir = parent.join(name);
    std::fs::create_dir(&dir).unwrap();
    git_in(&dir, &["init", "-q", "-b", "main"], ME, "2026-01-01T00:00:00Z");
    dir
}

#[test]
fn my_after_hours_commits_become_sessions_at_their_own_offsets() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path(), "billing");
    commit(&repo, ME, "2026-09-01T22:00:00+02:00", "Old work, before the range");
    // Session 1, Berlin evening (+01:00): 22:10, 22:50 and 00:40 (1 h 50 after the last).
    let first = commit(&repo, ME, "2026-11-17T22:10:00+01:00", "Retry the invoice export");
    commit(&repo, "bo@example.com", "2026-11-17T22:30:00+01:00", "A colleague's commit");
    commit(&repo, ME, "2026-11-17T22:50:00+01:00", "Test the retry");
    commit(&repo, "ANA@Example.com", "2026-11-18T00:40:00+01:00", "Fix the flaky test");
    // Session 2: 2 h 01 after the last.
    let second = commit(&repo, ME, "2026-11-18T02:41:00+01:00", "Note the follow-up");
    // Session 3: exactly two hours later is not "less than two hours apart"; on another branch.
    git_in(&repo, &["checkout", "-q", "-b", "topic"], ME, "2026-11-18T04:41:00+01:00");
    let third = commit(&repo, ME, "2026-11-18T04:41:00+01:00", "Sketch the new schema");
    git_in(&repo, &["checkout", "-q", "main"], ME, "2026-11-18T04:41:00+01:00");
    // Session 4, travelling in New York (-05:00): 21:00 and 21:45.
    let fourth = commit(&repo, ME, "2026-11-20T21:00:00-05:00", "Hotel wifi: bump the client");
    commit(&repo, ME, "2026-11-20T21:45:00-05:00", "Release 1.4.2");

    let found: Found = git::read(&repo, &capture_options(Some(ME))).unwrap();
    let got: Vec<_> = found
        .events
        .iter()
        .map(|e| (e.external_id.as_str(), e.start, e.minutes, e.zone.name(), e.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            // 21:40 to 00:40 local: three hours.
            (
                first.as_str(),
                utc("2026-11-17T20:40:00Z"),
                180,
                "Europe/Berlin",
                "Retry the invoice export (+2 more commits)"
            ),
            (second.as_str(), utc("2026-11-18T01:11:00Z"), 30, "Europe/Berlin", "Note the follow-up"),
            (third.as_str(), utc("2026-11-18T03:11:00Z"), 30, "Europe/Berlin", "Sketch the new schema"),
            // Berlin is not at -05:00: the fixed offset's own zone (POSIX's reversed sign).
            (
                fourth.as_str(),
                utc("2026-11-21T01:30:00Z"),
                75,
                "Etc/GMT+5",
                "Hotel wifi: bump the client (+1 more commit)"
            ),
        ]
    );
    for e in &found.events {
        assert_eq!(e.kind, Kind::Git);
        assert_eq!((e.channel.as_str(), e.chosen, e.severity), ("self-initiated", true, Severity::None));
        assert_eq!(e.source.as_deref(), Some("billing"));
    }
    assert_eq!(found.skipped, [(Skip::NotMe, 1), (Skip::OutOfRange, 1)].into_iter().collect());
}

#[test]
fn without_me_the_repositorys_own_email_says_whose_commits_they_are() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path(), "infra");
    git_in(&repo, &["config", "user.email", "bo@example.com"], ME, "2026-01-01T00:00:00Z");
    commit(&repo, ME, "2026-11-19T23:00:00+01:00", "Mine");
    commit(&repo, "bo@example.com", "2026-11-20T23:00:00+01:00", "Bo's");
    let found = git::read(&repo, &capture_options(None)).unwrap();
    assert_eq!(found.events.len(), 1);
    assert_eq!(found.events[0].title, "Bo's");
    assert_eq!(found.skipped, [(Skip::NotMe, 1)].into_iter().collect());
}

#[test]
fn a_session_after_now_is_future_and_an_empty_repository_has_none() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path(), "empty");
    assert_eq!(git::read(&repo, &capture_options(Some(ME))).unwrap(), Found::default());
    commit(&repo, ME, "2026-11-25T20:00:00+01:00", "From a skewed clock");
    let found = git::read(&repo, &capture_options(Some(ME))).unwrap();
    assert_eq!(found.skipped, [(Skip::Future, 1)].into_iter().collect());
}

#[test]
fn a_folder_that_is_not_a_repository_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let e = git::read(tmp.path(), &capture_options(Some(ME))).unwrap_err().to_string();
    assert!(e.starts_with(&format!("{}: not a git repository", tmp.path().display())), "{e}");
}
