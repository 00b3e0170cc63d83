//! Completion scripts: clap_complete's, from the same definition as `--help`, and for bash, zsh
//! and fish a few lines more that complete an application's NAME with the names saved, asked
//! of `kzvisa list --names` at each Tab (from the folder `--data-dir` names, if typed).
//!
//! Static scripts rather than clap_complete's dynamic completion (`CompleteEnv`, behind its
//! `unstable-dynamic` feature): its bash glue in 4.6 writes candidates unquoted, so "Aigerim
//! Bekova" would be inserted as two words, and its protocol may change from one release to the
//! next, so a script written to a file once can break at an upgrade.

use clap_complete::Shell;

/// The script for `shell`.
pub fn script(shell: Shell, mut command: clap::Command) -> String {
    command.build();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "kzvisa", &mut out);
    let script = String::from_utf8_lossy(&out).into_owned();
    let named = named_commands(&command);
    match shell {
        Shell::Bash => format!("{script}{}", bash(&named, &value_options(&command))),
        Shell::Zsh => format!("{}{ZSH}", zsh_names(&script, &named)),
        Shell::Fish => format!("{script}{}", FISH.replace("COMMANDS", &named.join(" "))),
        _ => script,
    }
}

/// The commands whose NAME is a saved application: all that take one but `new`, whose NAME is
/// one not saved yet, and `restore`, whose NAME is one in the trash.
fn named_commands(command: &clap::Command) -> Vec<String> {
    command
        .get_subcommands()
        .filter(|sub| !["new", "restore"].contains(&sub.get_name()))
        .filter(|sub| {
            sub.get_arguments()
                .any(|a| a.get_id() == "name" && a.is_positional())
        })
        .map(|sub| sub.get_name().to_string())
        .collect()
}

/// Every option that takes a value (`--format`, `-o`), so that its value is not taken for the
/// command or its NAME.
fn value_options(command: &clap::Command) -> Vec<String> {
    let mut flags: Vec<String> = Vec::new();
    let all = command
        .get_arguments()
        .chain(command.get_subcommands().flat_map(|s| s.get_arguments()));
    for arg in all.filter(|a| !a.is_positional()) {
        if !arg.get_num_args().is_some_and(|n| n.takes_values()) {
            continue;
        }
        let long = arg.get_long().map(|l| format!("--{l}"));
        let short = arg.get_short().map(|s| format!("-{s}"));
        for flag in long.into_iter().chain(short) {
            if !flags.contains(&flag) {
                flags.push(flag);
            }
        }
    }
    flags
}

fn bash(named: &[String], value_options: &[String]) -> String {
    BASH.replace("NAMED_COMMANDS", &named.join("|"))
        .replace("VALUE_OPTIONS", &value_options.join("|"))
}

/// clap's zsh script with the NAME of the named commands completed by `_kzvisa_names`. Their
/// NAME is `'::name -- HELP:_default'` in the section of `_arguments` for each.
fn zsh_names(script: &str, named: &[String]) -> String {
    let mut out = String::with_capacity(script.len());
    let mut command: Option<&str> = None;
    for line in script.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if let Some(name) = trimmed.strip_prefix('(').and_then(|l| l.strip_suffix(')')) {
            command = named.iter().find(|n| *n == name).map(String::as_str);
        } else if trimmed == ";;" {
            command = None;
        }
        match command {
            Some(_) if line.starts_with("'::name -- ") && trimmed.ends_with(":_default' \\") => {
                let at = line.rfind(":_default'").unwrap_or(line.len());
                out.push_str(&line[..at]);
                out.push_str(":_kzvisa_names");
                out.push_str(&line[at + ":_default".len()..]);
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// Before clap's registration is replaced: `_kzvisa_with_names` completes a NAME itself and
/// hands everything else to clap's `_kzvisa`. Works in bash 3.2 (macOS) too.
const BASH: &str = r#"
# kzvisa: a saved application's NAME, from `kzvisa list --names`.
_kzvisa_unquote() {
    local word=$1
    case $word in
        \'*) word=${word#\'}; word=${word%\'} ;;
        \"*) word=${word#\"}; word=${word%\"} ;;
        *) word=${word//\\/} ;;
    esac
    [[ $word == \~/* ]] && word=$HOME/${word#\~/}
    printf '%s' "$word"
}

_kzvisa_names() {
    local cur=${COMP_WORDS[COMP_CWORD]} word command="" positionals=0 i
    local -a folder=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case $word in
            --data-dir)
                [[ ${COMP_WORDS[i+1]} == "=" ]] && ((i++))
                ((i++))
                folder=(--data-dir "$(_kzvisa_unquote "${COMP_WORDS[i]}")")
                ;;
            # One application file: its NAME is not asked for.
            --file|--file=*) return 1 ;;
            VALUE_OPTIONS)
                [[ ${COMP_WORDS[i+1]} == "=" ]] && ((i++))
                ((i++))
                ;;
            -*) ;;
            *)
                if [[ -z $command ]]; then command=$word; else ((positionals++)); fi
                ;;
        esac
    done
    # Past the word being completed: it is an option's value.
    ((i > COMP_CWORD)) && return 1
    case $command in
        NAMED_COMMANDS) ;;
        *) return 1 ;;
    esac
    [[ $positionals -eq 0 && $cur != -* ]] || return 1
    local typed name quoted restore
    typed=$(_kzvisa_unquote "$cur")
    # Like kzvisa, which takes a name's beginning whatever its case.
    restore=$(shopt -p nocasematch)
    shopt -s nocasematch
    COMPREPLY=()
    while IFS= read -r name; do
        [[ $name == "$typed"* ]] || continue
        case $cur in
            # Inside quotes the shell closes, a name goes as it is.
            \'*) COMPREPLY+=("$name") ;;
            \"*)
                quoted=${name//\\/\\\\}; quoted=${quoted//\"/\\\"}
                quoted=${quoted//\$/\\\$}; quoted=${quoted//\`/\\\`}
                COMPREPLY+=("$quoted")
                ;;
            # Otherwise quoted, so that "Aigerim Bekova" is one word.
            *) printf -v quoted '%q' "$name"; COMPREPLY+=("$quoted") ;;
        esac
    done < <(kzvisa "${folder[@]}" list --names 2>/dev/null)
    eval "$restore"
    return 0
}

_kzvisa_with_names() {
    _kzvisa_names || _kzvisa "$@"
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _kzvisa_with_names -o nosort -o bashdefault -o default kzvisa
else
    complete -F _kzvisa_with_names -o bashdefault -o default kzvisa
fi
"#;

/// Defined after clap's `_kzvisa`, which calls it for a NAME (see [`zsh_names`]).
const ZSH: &str = r#"
# kzvisa: a saved application's NAME, from `kzvisa list --names`.
(( $+functions[_kzvisa_names] )) ||
_kzvisa_names() {
    local -a typed folder names
    local i
    typed=(${(z)LBUFFER})
    for ((i = 2; i <= $#typed; i++)); do
        case ${typed[i]} in
            --data-dir) folder=(--data-dir ${${(Q)typed[i+1]}/#\~/$HOME}) ;;
            --data-dir=*) folder=(--data-dir ${${(Q)${typed[i]#--data-dir=}}/#\~/$HOME}) ;;
            --file|--file=*) return 1 ;;
        esac
    done
    names=(${(f)"$(kzvisa $folder list --names 2>/dev/null)"})
    _wanted names expl 'saved application' compadd -a names
}
"#;

const FISH: &str = r#"
# kzvisa: a saved application's NAME, from `kzvisa list --names`.
function __kzvisa_names
    set -l tokens (commandline -opc)
    set -l folder
    for i in (seq 2 (count $tokens))
        switch $tokens[$i]
            case --data-dir
                if test $i -lt (count $tokens)
                    set folder --data-dir $tokens[(math $i + 1)]
                end
            case '--data-dir=*'
                set folder --data-dir (string replace -- --data-dir= '' $tokens[$i])
            case --file '--file=*'
                return
        end
    end
    kzvisa $folder list --names 2>/dev/null
end
complete -c kzvisa -n "__fish_kzvisa_using_subcommand COMMANDS" -f -a "(__kzvisa_names)"
"#;
