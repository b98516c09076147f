# completions/plan.bash - bash completion for plan(1): commands, options and
# their values, rule ids (asked of `plan rules`), and paths (directories and
# *.xml plans). `make install` puts it where bash-completion loads it on
# demand (share/bash-completion/completions/plan); without bash-completion,
# source it from ~/.bashrc. It needs nothing but bash.
# tests/cli/packaging.sh keeps the option lists below in step with
# `plan help COMMAND` and docs/plan.1.

_plan_commands='check compile checklist fix-encoding new rules explain help'
# Options of check, compile and checklist (cli_parse_opts in src/cli/output.c).
_plan_common_opts='--werror -W --config --no-config --encoding= --max-size= --max-depth=
    --max-elements= --max-attributes= --max-text= --tone-style= --color= -q --quiet --'
_plan_check_opts='--format= --baseline --write-baseline -j --jobs='
_plan_compile_opts='-o --output= --emit= --by-office --force --depfile -j --jobs='
_plan_checklist_opts='--format='
# Options of new (src/cli/new.c).
_plan_new_opts='--from --issuer --issuers -o --abbr --parent-body --update --force -q --quiet'

# The rule ids, first column of `plan rules`, from the plan being completed
# (it may be build/plan) or else the one on PATH.
_plan_rule_ids()
{
    local plan=$1
    # COMP_WORDS holds the word as typed: a tilde not yet expanded.
    # shellcheck disable=SC2088
    [[ $plan == "~/"* ]] && plan=$HOME/${plan#"~/"}
    type -P -- "$plan" > /dev/null 2>&1 || plan=plan
    LC_ALL=C LANGUAGE=en "$plan" rules 2> /dev/null | while read -r id _; do
        printf '%s\n' "$id"
    done
}

# Replies from a word list; a reply ending in '=' waits for its value.
_plan_words()
{
    local words=$1 cur=$2 pre=${3-}
    mapfile -t COMPREPLY < <(compgen -P "$pre" -W "$words" -- "$cur")
    local w
    for w in "${COMPREPLY[@]}"; do
        [[ $w == *= ]] && compopt -o nospace 2> /dev/null
    done
    return 0
}

# Paths: directories to walk into, and plan files (*.xml) unless $2 says
# any file or only directories.
_plan_paths()
{
    local cur=$1 kind=${2-xml}
    compopt -o filenames 2> /dev/null
    case $kind in
        dir) mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
        file) mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
        *) mapfile -t COMPREPLY < <(compgen -d -- "$cur"; compgen -f -X '!*.xml' -- "$cur") ;;
    esac
    return 0
}

# The value of OPTION=VALUE; pre is put before each reply when the word
# being completed holds the option too ('=' not in COMP_WORDBREAKS).
_plan_value()
{
    local cmd=$1 opt=$2 val=$3 pre=$4
    case $opt in
        --format)
            case $cmd in
                check) _plan_words 'gcc json sarif junit gitlab' "$val" "$pre" ;;
                checklist) _plan_words 'md markdown csv json ics' "$val" "$pre" ;;
                rules) _plan_words 'text markdown' "$val" "$pre" ;;
            esac ;;
        --color) _plan_words 'always never' "$val" "$pre" ;;
        --tone-style) _plan_words 'old new' "$val" "$pre" ;;
        --encoding) _plan_words 'UTF-8 TCVN5712-1 VISCII CP1258' "$val" "$pre" ;;
        --emit)
            # A comma-separated list: complete its last item.
            local done=""
            [[ $val == *,* ]] && done=${val%,*},
            _plan_words 'xml json md html checklist.csv checklist.md checklist.ics' \
                "${val##*,}" "$pre$done"
            compopt -o nospace 2> /dev/null ;;
        --output | --config | --baseline | --write-baseline)
            local kind=file
            [[ $opt == --output ]] && kind=dir
            if [[ -n $pre ]]; then
                mapfile -t COMPREPLY < <(compgen -P "$pre" -"${kind:0:1}" -- "$val")
            else
                _plan_paths "$val" "$kind"
            fi ;;
        -*) ;;
        *)
            # -W RULE-ID=SEVERITY: opt is the rule id.
            _plan_words 'off info warning error' "$val" "$pre" ;;
    esac
    return 0
}

_plan()
{
    local plan=${COMP_WORDS[0]} cword=$COMP_CWORD
    local cur=${COMP_WORDS[cword]} prev=""
    ((cword > 0)) && prev=${COMP_WORDS[cword - 1]}
    COMPREPLY=()

    if ((cword == 1)); then
        if [[ $cur == -* ]]; then
            _plan_words '--help --version' "$cur"
        else
            _plan_words "$_plan_commands" "$cur"
        fi
        return 0
    fi
    local cmd=${COMP_WORDS[1]}

    # bash splits "--format=js" into "--format" "=" "js" when '=' is a word
    # break (the default); readline then replaces only the part after '='.
    if [[ $cur == = ]]; then
        _plan_value "$cmd" "$prev" "" ""
        return 0
    elif ((cword > 2)) && [[ $prev == = ]]; then
        _plan_value "$cmd" "${COMP_WORDS[cword - 2]}" "$cur" ""
        return 0
    elif [[ $cur == -*=* ]]; then
        _plan_value "$cmd" "${cur%%=*}" "${cur#*=}" "${cur%%=*}="
        return 0
    fi

    case $cmd in
        explain)
            ((cword == 2)) && _plan_words "$(_plan_rule_ids "$plan")" "$cur"
            return 0 ;;
        help)
            ((cword == 2)) && _plan_words "$_plan_commands" "$cur"
            return 0 ;;
        rules)
            _plan_words '--format=' "$cur"
            return 0 ;;
        new)
            case $prev in
                --from | -o) _plan_paths "$cur"; return 0 ;;
                --issuers) _plan_paths "$cur" file; return 0 ;;
                --issuer | --abbr | --parent-body) return 0 ;;
            esac
            if [[ $cur == -* ]]; then
                _plan_words "$_plan_new_opts" "$cur"
            else
                _plan_paths "$cur"
            fi
            return 0 ;;
        check | compile | checklist) ;;
        *) return 0 ;;
    esac

    case $prev in
        -W)
            # RULE-ID=, then the severity after '='.
            _plan_words "$(_plan_rule_ids "$plan")" "$cur"
            local i
            for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]+="="; done
            compopt -o nospace 2> /dev/null
            return 0 ;;
        -o) _plan_paths "$cur" dir; return 0 ;;
        --config | --baseline | --write-baseline) _plan_paths "$cur" file; return 0 ;;
    esac

    if [[ $cur == -* ]]; then
        local opts=$_plan_common_opts
        case $cmd in
            check) opts+=" $_plan_check_opts" ;;
            compile) opts+=" $_plan_compile_opts" ;;
            checklist) opts+=" $_plan_checklist_opts" ;;
        esac
        _plan_words "$opts" "$cur"
        return 0
    fi
    _plan_paths "$cur"
}

complete -F _plan plan
