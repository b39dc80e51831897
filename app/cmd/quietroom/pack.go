package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"quietroom/app/protocol"
	"quietroom/app/yamlfile"
)

func init() {
	register(command{
		name:    "pack",
		usage:   "check|list|show|export ...",
		summary: "check, list, show and export question packs (quietroom pack help)",
		run:     runPack,
	})
}

const packUsage = `Usage:
  quietroom pack check FILE...      check pack files; prints every problem as FILE:LINE: FIELD: ...
  quietroom pack list [FILE...]     list the built-in packs and the given files
  quietroom pack show ID|FILE       print one pack readably
  quietroom pack export ID|FILE     write a pack in its file form to stdout (a start for a new pack)

Exit status: 0 when everything is valid, 1 when a pack is invalid or cannot be read, 2 on a usage error.
`

func runPack(e *env, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, packUsage)
		return 2
	}
	switch sub, rest := args[0], args[1:]; sub {
	case "check":
		return packCheck(e, rest)
	case "list":
		return packList(e, rest)
	case "show":
		return packOne(e, "show", rest, showPack)
	case "export":
		return packOne(e, "export", rest, exportPack)
	case "help", "-h", "--help":
		fmt.Fprint(e.stdout, packUsage)
		return 0
	default:
		fmt.Fprintf(e.stderr, "quietroom pack: unknown subcommand %q\n\n%s", sub, packUsage)
		return 2
	}
}

func packCheck(e *env, files []string) int {
	if len(files) == 0 {
		fmt.Fprintf(e.stderr, "quietroom pack check: name at least one pack file\n\n%s", packUsage)
		return 2
	}
	code := 0
	for _, f := range files {
		p, err := protocol.LoadFile(f)
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			code = 1
			continue
		}
		fmt.Fprintf(e.stdout, "%s: ok (%s version %d, %s)\n", f, p.ID, p.Version, p.Hash)
	}
	return code
}

func packList(e *env, files []string) int {
	code := 0
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tVERSION\tTOPICS\tMINUTES\tHASH\tFROM")
	row := func(p *protocol.Pack, from string) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\n", p.ID, p.Version, len(p.Topics), p.DurationMinutes, p.Hash, from)
	}
	for _, p := range protocol.Builtin() {
		row(p, "built-in")
	}
	for _, f := range files {
		p, err := protocol.LoadFile(f)
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			code = 1
			continue
		}
		row(p, f)
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(e.stderr, "quietroom pack list: %v\n", err)
		return 1
	}
	return code
}

// packOne runs a subcommand that takes exactly one built-in id or file.
func packOne(e *env, name string, args []string, do func(w io.Writer, p *protocol.Pack) error) int {
	if len(args) != 1 {
		fmt.Fprintf(e.stderr, "quietroom pack %s: name one built-in pack id or one pack file\n\n%s", name, packUsage)
		return 2
	}
	p, err := resolvePack(args[0])
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return 1
	}
	if err := do(e.stdout, p); err != nil {
		fmt.Fprintf(e.stderr, "quietroom pack %s: %v\n", name, err)
		return 1
	}
	return 0
}

// resolvePack finds a built-in pack by id, or loads a file. An argument that looks like a path
// (a separator or a .yaml/.yml ending) is always a file, so a file cannot hide a built-in pack.
func resolvePack(arg string) (*protocol.Pack, error) {
	ext := filepath.Ext(arg)
	if !strings.ContainsRune(arg, filepath.Separator) && !strings.Contains(arg, "/") && ext != ".yaml" && ext != ".yml" {
		if p, ok := protocol.BuiltinPack(arg); ok {
			return p, nil
		}
		if _, err := os.Stat(arg); err != nil {
			return nil, fmt.Errorf("quietroom pack: no built-in pack or file named %q; run `quietroom pack list` to see the packs", arg)
		}
	}
	return protocol.LoadFile(arg)
}

func exportPack(w io.Writer, p *protocol.Pack) error {
	data, err := protocol.Marshal(p)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

func showPack(w io.Writer, p *protocol.Pack) error {
	var b strings.Builder
	indent := func(prefix, text string) {
		for i, line := range strings.Split(text, "\n") {
			if i > 0 {
				prefix = strings.Repeat(" ", len(prefix))
			}
			fmt.Fprintln(&b, strings.TrimRight(prefix+line, " "))
		}
	}
	fmt.Fprintf(&b, "%s (version %d): %s\n", p.ID, p.Version, p.Title)
	fmt.Fprintf(&b, "Kind: %s. Language: %s. Duration: %d minutes%s.\n", p.Kind, p.Language, p.DurationMinutes, warnings(p.WarningMinutes))
	if p.Source != "" {
		indent("Source: ", p.Source)
	}
	fmt.Fprintf(&b, "Hash: %s\n", p.Hash)
	if len(p.InterviewerGuidance) > 0 {
		fmt.Fprintln(&b, "\nInterviewer guidance")
		for _, g := range p.InterviewerGuidance {
			indent("  - ", g)
		}
	}

	fmt.Fprintln(&b, "\nPreamble")
	for i, pg := range p.Preamble {
		fmt.Fprintf(&b, "  %d. %s\n", i+1, pg.Title)
		indent("     ", pg.Text)
	}
	fmt.Fprintln(&b, "\nConsent")
	for _, c := range p.Consent {
		need := "optional"
		if c.Required {
			need = "required"
		}
		indent(fmt.Sprintf("  [%s] %s: ", need, c.ID), c.Text)
	}
	fmt.Fprintln(&b, "\nTopics")
	for i, t := range p.Topics {
		fmt.Fprintf(&b, "  %d. %s (priority %d)\n", i+1, t.ID, t.Priority)
		indent("     ", t.Question)
		if t.Guidance != "" {
			indent("     Guidance: ", t.Guidance)
		}
		for _, pr := range t.Probes {
			indent("     - ", pr)
		}
		if s := t.Scale; s != nil {
			fmt.Fprintf(&b, "     Scale (%s): %d to %d\n", s.Kind, s.Min, s.Max)
			if s.MinLabel != "" {
				indent(fmt.Sprintf("       %d: ", s.Min), s.MinLabel)
			}
			if s.MaxLabel != "" {
				indent(fmt.Sprintf("       %d: ", s.Max), s.MaxLabel)
			}
		}
	}
	fmt.Fprintln(&b, "\nClosing")
	indent("  Question: ", p.Closing.Question)
	if p.Closing.FollowUp != "" {
		indent("  Follow-up: ", p.Closing.FollowUp)
	}
	indent("  Thanks: ", p.Closing.Thanks)
	if len(p.Closing.WriteUpPrompts) > 0 {
		fmt.Fprintln(&b, "  Write-up prompts:")
		for _, wp := range p.Closing.WriteUpPrompts {
			indent("    - ", wp)
		}
	}
	if len(p.Additions) > 0 {
		fmt.Fprintln(&b, "\nAdditions (not in the source)")
		for _, a := range p.Additions {
			indent("  "+a.Part+": ", a.Why)
		}
	}
	_, err := io.WriteString(w, terminalSafe(b.String()))
	return err
}

// terminalSafe is s with what a terminal would act on or hide written as escapes, line breaks
// and tabs kept. Load refuses such characters in a pack; this is the second line of defence,
// for whatever reaches the terminal some other way.
func terminalSafe(s string) string { return yamlfile.Escape(s, true) }

func warnings(ws []int) string {
	if len(ws) == 0 {
		return ", no warnings"
	}
	s := make([]string, len(ws))
	for i, w := range ws {
		s[i] = strconv.Itoa(w)
	}
	return ", warnings at " + strings.Join(s, " and ") + " minutes left"
}
