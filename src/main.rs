use clap::Parser;

use quotestance::cli::{Cli, Command, RunArgs};

fn main() {
    let cli = Cli::parse();
    let args: Vec<String> = std::env::args().collect();
    let run_args = match cli.command {
        Some(Command::Run(r)) => r,
        None => RunArgs::default(),
    };
    let code = match quotestance::run(&run_args.into_config(args)) {
        Ok(summary) => summary.exit_code(),
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    };
    std::process::exit(code);
}
