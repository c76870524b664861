//! Progress on stderr: a bar with rate and ETA on a terminal, one summary
//! line otherwise (cron, pipes, `--quiet`).

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Cheap to clone; every clone drives the same bar.
#[derive(Clone)]
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar over `total` bytes when stderr is a terminal and not `quiet`.
    pub fn new(total: Option<u64>, quiet: bool) -> Self {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = match total {
            Some(t) => ProgressBar::with_draw_target(Some(t), ProgressDrawTarget::stderr())
                .with_style(
                    ProgressStyle::with_template(
                        "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
                    )
                    .expect("valid template"),
                ),
            None => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{spinner} {bytes} {bytes_per_sec} {msg}")
                    .expect("valid template"),
            ),
        };
        Progress { bar: Some(bar) }
    }

    pub fn advance(&self, bytes: u64) {
        if let Some(b) = &self.bar {
            b.inc(bytes);
        }
    }

    /// A message about one document, shown above the bar (never lost under
    /// it). Without a bar only the summary is printed: the rows of
    /// documents.csv say the same, and cron mail stays one line.
    pub fn warn(&self, msg: &str) {
        if let Some(b) = &self.bar {
            b.suspend(|| eprintln!("warning: {msg}"));
        }
    }

    /// Clears the bar and prints the one-line summary.
    pub fn finish(&self, summary: &str) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
        eprintln!("{summary}");
    }
}
