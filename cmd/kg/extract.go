package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/loader"
)

func newExtractCmd() *cobra.Command {
	var format string
	var strict bool
	var maxSize int64
	cmd := &cobra.Command{
		Use:   "extract --format json FILE|DIR...",
		Short: "Print what kg reads out of articles, without storing it",
		Long: `extract reads articles and prints one JSON object per article per line, in
the shape of ../shared/eval/FORMAT.md: entities with aliases, relations in
the closed vocabulary, meetings, quotes, and the sentences they come from
(the "evidence" fields index "sentences"). "article" is the file's base name.
Folders are walked for .txt files.

Exit status: 0 when every file was read, 1 when any failed (each failure
is reported on stderr with the file's name).`,
		Example: `  kg extract --format json testdata/seed-witkoff-putin.txt | jq '.relations[]'`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "json" {
				return fmt.Errorf("unknown --format %q (only json)", format)
			}
			x, err := loader.New()
			if err != nil {
				return err
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetEscapeHTML(false)
			failed := 0
			err = loader.Walk(args, func(f loader.File) error {
				a, err := loader.ReadFile(f.Path, "", loader.ReadOptions{Strict: strict, MaxBytes: maxSize})
				if err != nil {
					failed++
					fmt.Fprintf(cmd.ErrOrStderr(), "kg: %s: %v\n", f.Path, err)
					return nil
				}
				for _, w := range a.Warnings {
					fmt.Fprintf(cmd.ErrOrStderr(), "kg: %s: warning: %s\n", f.Path, w)
				}
				return enc.Encode(x.Extract(a))
			}, func(path string, err error) {
				failed++
				fmt.Fprintf(cmd.ErrOrStderr(), "kg: %s: %v\n", path, err)
			})
			if err != nil {
				return err
			}
			if failed > 0 {
				return exitError{1}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "output format (json)")
	cmd.Flags().BoolVar(&strict, "strict", false, "refuse text that is not valid UTF-8 instead of reading it as Windows-1252")
	cmd.Flags().Int64Var(&maxSize, "max-size", loader.DefaultMaxBytes, "refuse files larger than this many bytes")
	return cmd
}
