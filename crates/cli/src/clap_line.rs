//! clap's errors as one line each, naming the flag and what is allowed (the
//! tool's promise: exit code 2 and one line per problem on stderr).

use clap::CommandFactory;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The flag as clap names it (`--format <json|csv>`), without its value name.
fn flag_of(err: &clap::Error) -> String {
    match err.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(s)) => s.split(' ').next().unwrap_or(s).to_string(),
        Some(ContextValue::Strings(v)) => {
            v.iter().map(|s| s.split(' ').next().unwrap_or(s)).collect::<Vec<_>>().join(", ")
        }
        _ => String::new(),
    }
}

/// The long options of the command that `args` (without the program name) address.
fn options(args: &[&str]) -> Vec<String> {
    let root = crate::args::Cli::command();
    let command = args.iter().find_map(|a| root.find_subcommand(a)).unwrap_or(&root);
    let own = command.get_arguments().chain(root.get_arguments().filter(|a| a.is_global_set()));
    let mut names: Vec<String> = own.filter_map(|a| a.get_long()).map(|l| format!("--{l}")).collect();
    names.retain(|n| n != "--help" && n != "--version");
    names.dedup();
    names
}

/// One line for a clap error; `args` are the arguments without the program name.
pub fn one_line(err: &clap::Error, args: &[&str]) -> String {
    let flag = flag_of(err);
    match err.kind() {
        ErrorKind::ValueValidation => match std::error::Error::source(err) {
            Some(source) => source.to_string(),
            None => format!("{flag}: invalid value"),
        },
        ErrorKind::UnknownArgument if !flag.starts_with('-') => format!("{flag}: more than one QUERY given"),
        ErrorKind::UnknownArgument => {
            let name = flag.split('=').next().unwrap_or(&flag);
            let mut line =
                format!("{name}: unknown option, allowed {}", crate::args::either(&borrowed(&options(args))));
            match err.get(ContextKind::SuggestedArg) {
                Some(ContextValue::String(suggested)) => line.push_str(&format!(" (did you mean {suggested}?)")),
                Some(ContextValue::Strings(suggested)) if !suggested.is_empty() => {
                    line.push_str(&format!(" (did you mean {}?)", suggested[0]))
                }
                _ => {}
            }
            line
        }
        ErrorKind::TooManyValues => {
            let given = args.iter().find(|a| a.starts_with(&format!("{flag}="))).copied().unwrap_or(&flag);
            format!("{given}: takes no value")
        }
        ErrorKind::InvalidValue | ErrorKind::NoEquals => format!("{flag}: missing value"),
        ErrorKind::MissingRequiredArgument => format!("{flag}: required"),
        ErrorKind::ArgumentConflict => match err.get(ContextKind::PriorArg) {
            Some(ContextValue::String(prior)) if prior == "[QUERY]" => match err.get(ContextKind::InvalidSubcommand) {
                Some(ContextValue::String(extra)) => format!("{extra}: more than one QUERY given"),
                _ => "more than one QUERY given".to_string(),
            },
            Some(ContextValue::String(other)) => {
                format!("{flag}: cannot be used with {}", other.split(' ').next().unwrap_or(other))
            }
            _ => format!("{flag}: cannot be used here"),
        },
        ErrorKind::InvalidSubcommand => format!("{flag}: unknown command, allowed batch or design"),
        _ => {
            let text = err.to_string();
            text.lines().next().unwrap_or("").trim_start_matches("error: ").to_string()
        }
    }
}

fn borrowed(names: &[String]) -> Vec<&str> {
    names.iter().map(String::as_str).collect()
}
