package loader

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// File is an article file found by Walk.
type File struct {
	Path string // as found, usable with os.Open
	// ID names the article in the graph: its path relative to the folder
	// that holds the argument it came from, with forward slashes. A file
	// given by name is its base name ("seed.txt"); a file found under a
	// folder argument "bbc" is "bbc/politics/018.txt", so articles with the
	// same base name in different folders stay apart.
	ID string
}

// WalkStats counts what a walk met besides articles.
type WalkStats struct {
	Skipped int // files that are not .txt under a folder argument
	Links   int // links to folders, not followed
}

// Walk calls fn for every article named by args: files as given, folders
// walked in lexical order for .txt files. Symbolic links to folders are not
// followed (so a link loop cannot trap the walk); unreadable entries are
// reported to onErr and the walk goes on. It stops only when fn fails.
func Walk(args []string, fn func(File) error, onErr func(path string, err error)) error {
	_, err := WalkCount(args, fn, onErr)
	return err
}

// WalkCount is Walk that also reports what was skipped.
func WalkCount(args []string, fn func(File) error, onErr func(path string, err error)) (WalkStats, error) {
	var st WalkStats
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			onErr(arg, err)
			continue
		}
		if !info.IsDir() {
			if err := fn(File{Path: arg, ID: filepath.Base(arg)}); err != nil {
				return st, err
			}
			continue
		}
		root := filepath.Clean(arg)
		parent := filepath.Dir(root)
		var files []string
		walkErr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				onErr(p, err)
				if d != nil && d.IsDir() && p != root {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// a link to a folder is not followed (a loop cannot trap the
				// walk); a link to a file is read like the file
				t, err := os.Stat(p)
				if err != nil {
					onErr(p, err)
					return nil
				}
				if t.IsDir() {
					st.Links++
					return nil
				}
			}
			if !strings.EqualFold(filepath.Ext(p), ".txt") {
				st.Skipped++
				return nil
			}
			files = append(files, p)
			return nil
		})
		if walkErr != nil {
			onErr(arg, walkErr)
		}
		sort.Strings(files)
		for _, p := range files {
			id, err := filepath.Rel(parent, p)
			if err != nil || parent == "." && !filepath.IsAbs(root) {
				id = p
			}
			if err := fn(File{Path: p, ID: filepath.ToSlash(id)}); err != nil {
				return st, err
			}
		}
	}
	return st, nil
}
