package main

import (
	"fmt"

	"quietroom/app/survey"
	"quietroom/app/yamlfile"
)

func init() {
	register(command{
		name:    "survey",
		usage:   "check FILE...|export",
		summary: "check survey files, or print the built-in survey (quietroom survey help)",
		run:     runSurvey,
	})
}

const surveyUsage = `Usage:
  quietroom survey check FILE...    check survey files; prints every problem as FILE:LINE: FIELD: ...
  quietroom survey export           write the built-in survey (Appendix 2) in its file form to stdout
                                    (a start for an organisation's own version)

Exit status: 0 when everything is valid, 1 when a survey is invalid or cannot be read, 2 on a usage error.
`

func runSurvey(e *env, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, surveyUsage)
		return 2
	}
	switch sub, rest := args[0], args[1:]; sub {
	case "check":
		if len(rest) == 0 {
			fmt.Fprintf(e.stderr, "quietroom survey check: name at least one survey file\n\n%s", surveyUsage)
			return 2
		}
		code := 0
		for _, f := range rest {
			data, err := yamlfile.ReadFile(f)
			if err != nil {
				fmt.Fprintln(e.stderr, yamlfile.Escape(fmt.Sprintf("%s: %v", f, err), false))
				code = 1
				continue
			}
			s, err := survey.Load(f, data)
			if err != nil {
				fmt.Fprintln(e.stderr, err)
				code = 1
				continue
			}
			// The name is the file's, whatever bytes it holds: escaped like every problem line,
			// so that it cannot restyle or reorder the terminal.
			fmt.Fprintf(e.stdout, "%s: ok (%s version %d, %d items on %d points, %s)\n",
				yamlfile.Escape(f, false), yamlfile.Escape(s.ID, false), s.Version, len(s.Items), s.Points, s.Hash)
		}
		return code
	case "export":
		if _, err := e.stdout.Write(survey.BuiltinFile()); err != nil {
			fmt.Fprintln(e.stderr, err)
			return 1
		}
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(e.stdout, surveyUsage)
		return 0
	}
	fmt.Fprintf(e.stderr, "quietroom survey: unknown subcommand %q\n\n%s", args[0], surveyUsage)
	return 2
}
