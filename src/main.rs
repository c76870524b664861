use clap::Parser;

use quotestance::cli::{Cli, Command, LexiconCommand, RunArgs};

/// Every stage makes many small, short-lived allocations per statement (spans,
/// cells, word lists) on several worker threads; mimalloc's per-thread free
/// lists serve them at a fraction of the system allocator's cost.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = Cli::parse();
    let args: Vec<String> = std::env::args().collect();
    let code = match cli.command {
        Some(Command::Score(s)) => match quotestance::commands::score_items(&s.into_config()) {
            Ok(summary) => {
                if summary.errors > 0 {
                    eprintln!(
                        "quotestance score: {} items, {} with errors (see the error column)",
                        summary.items, summary.errors
                    );
                }
                i32::from(summary.errors > 0)
            }
            Err(e) => fail(e),
        },
        Some(Command::Lexicon {
            command: LexiconCommand::Check { paths, lexicons },
        }) => match quotestance::commands::check_lexicons(lexicons.as_deref(), &paths) {
            Ok(report) => {
                print!("{report}");
                0
            }
            Err(e) => fail(e),
        },
        Some(Command::Run(r)) => run(r, args),
        None => run(RunArgs::default(), args),
    };
    std::process::exit(code);
}

fn run(r: RunArgs, args: Vec<String>) -> i32 {
    match quotestance::run(&r.into_config(args)) {
        Ok(summary) => summary.exit_code(),
        Err(e) => fail(e),
    }
}

fn fail(e: quotestance::Error) -> i32 {
    eprintln!("error: {e}");
    2
}
