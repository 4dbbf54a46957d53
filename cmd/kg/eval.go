package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/eval"
	"github.com/newsgraph/kg/loader"
)

func newEvalCmd() *cobra.Command {
	var goldDirs []string
	var detail, asJSON bool
	var systemFile, saveFile string
	cmd := &cobra.Command{
		Use:   "eval --gold DIR [FILE...]",
		Short: "Score extraction against annotated articles (the rules of score.py)",
		Long: `eval extracts each article and scores the result against the gold files
(NAME.gold.json) in DIR, with the rules of ../shared/eval/score.py: entity,
relation and meeting precision/recall/F1, meeting date and place accuracy,
quotes found and speaker accuracy, forbidden assertions.

Without FILE arguments each gold file's article is found by itself: its
"source" field (a path under the shared folder, found beside the working
directory or from $KG_SHARED) or the .txt file of the same name next to it.
With FILE arguments those files are extracted and matched to gold by base name.
--gold may be given several times to score several folders as one set.`,
		Example: `  kg eval --gold ../shared/eval/dev
  kg eval --gold ../shared/eval/dev --gold testdata/gold --detail
  kg eval --gold ../shared/eval/dev --save out.jsonl && python3 ../shared/eval/score.py ../shared/eval/dev out.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(goldDirs) == 0 {
				return fmt.Errorf("--gold DIR is required (a folder of *.gold.json files)")
			}
			var golds []*eval.Gold
			for _, d := range goldDirs {
				g, err := eval.LoadGoldDir(d)
				if err != nil {
					return err
				}
				golds = append(golds, g...)
			}
			system, err := evalSystem(golds, args, systemFile)
			if err != nil {
				return err
			}
			if saveFile != "" {
				if err := saveJSONL(saveFile, system); err != nil {
					return err
				}
			}
			res, err := eval.Score(golds, system)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", " ")
				return enc.Encode(res)
			}
			eval.Print(out, res, detail)
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&goldDirs, "gold", nil, "folder of *.gold.json files (repeatable)")
	cmd.Flags().BoolVar(&detail, "detail", false, "list each article's missed and wrong relations")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the figures as JSON")
	cmd.Flags().StringVar(&systemFile, "system", "", "score this extraction JSONL instead of extracting")
	cmd.Flags().StringVar(&saveFile, "save", "", "also write the extractions to this JSONL file (for score.py)")
	return cmd
}

// evalSystem extracts the articles to score: FILE arguments, a saved JSONL,
// or each gold file's own article.
func evalSystem(golds []*eval.Gold, files []string, systemFile string) ([]*kg.Extraction, error) {
	if systemFile != "" {
		return readJSONL(systemFile)
	}
	x, err := loader.New()
	if err != nil {
		return nil, err
	}
	var out []*kg.Extraction
	extract := func(path, name string) error {
		a, err := loader.ReadFile(path, name, loader.ReadOptions{})
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, x.Extract(a))
		return nil
	}
	if len(files) > 0 {
		for _, f := range files {
			if err := extract(f, filepath.Base(f)); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	for _, g := range golds {
		p, err := g.TextPath()
		if err != nil {
			return nil, err
		}
		if err := extract(p, g.Name()); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func readJSONL(path string) ([]*kg.Extraction, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimSpace(b)
	var out []*kg.Extraction
	if bytes.HasPrefix(b, []byte("[")) {
		if err := json.Unmarshal(b, &out); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return out, nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	for {
		var x kg.Extraction
		if err := dec.Decode(&x); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, &x)
	}
	return out, nil
}

func saveJSONL(path string, xs []*kg.Extraction) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, x := range xs {
		if err := enc.Encode(x); err != nil {
			return err
		}
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
