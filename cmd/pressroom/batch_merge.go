package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pressroom/pressroom/pkg/batch"
	"github.com/pressroom/pressroom/pkg/diag"
)

func batchMergeCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "merge",
		Usage:     "check the manifests of every shard of one run and merge them into one",
		ArgsUsage: "OUT.json|OUT.csv SHARD-MANIFEST...",
		Description: "Reads the manifests that batch --shard I/N --manifest wrote (JSON or CSV), checks\n" +
			"that they are one manifest for each shard 1 to N of one run (same inputs, same\n" +
			"options), that every input is there exactly once and that no shard was interrupted,\n" +
			"and writes one manifest sorted by input, with the totals summed, as JSON or CSV by\n" +
			"OUT's extension. Otherwise it writes nothing, names every gap (the shards missing or\n" +
			"given twice, the inputs not rendered) and exits with 1.",
		Action: func(c *cli.Context) error {
			args := c.Args().Slice()
			if len(args) < 2 {
				return usageError{msg: "batch merge needs the file to write and the manifests of the shards", try: "pressroom batch merge manifest.json pdf/manifest.*-of-4.json"}
			}
			out, shards := args[0], args[1:]
			if ext := strings.ToLower(filepath.Ext(out)); ext != ".json" && ext != ".csv" {
				return usageError{msg: fmt.Sprintf("batch merge %s: the merged manifest's name must end in .json or .csv (it comes first, before the shards' manifests)", out),
					try: "pressroom batch merge manifest.json " + strings.Join(args, " ")}
			}
			// Forgetting OUT would make the first shard's manifest the
			// file to write.
			if _, err := batch.ReadManifest(out); err == nil || slices.Contains(shards, out) {
				return usageError{msg: fmt.Sprintf("batch merge %s: that is a shard's manifest, which merging would replace; name the merged manifest first", out),
					try: "pressroom batch merge manifest" + filepath.Ext(out) + " " + strings.Join(args, " ")}
			}
			return e.batchMerge(out, shards)
		},
	}
}

func (e *env) batchMerge(out string, paths []string) error {
	var ms []*batch.ShardManifest
	bad := false
	for _, p := range paths {
		m, err := batch.ReadManifest(p)
		if err != nil {
			fmt.Fprintf(e.stderr, "pressroom: %s\n", diag.Visible(err.Error()))
			bad = true
			continue
		}
		ms = append(ms, m)
	}
	if bad {
		return exitError{code: exitProblem}
	}
	mg, err := batch.MergeManifests(ms)
	var me *batch.MergeError
	if errors.As(err, &me) {
		for _, g := range me.Gaps {
			for _, line := range strings.Split(g, "\n") {
				fmt.Fprintf(e.stderr, "%s\n", diag.Visible(line))
			}
		}
		fmt.Fprintf(e.stderr, "not merged: %s; %s is not written\n", plural(len(me.Gaps), "problem"), out)
		return exitError{code: exitProblem}
	}
	if err != nil {
		return err
	}
	if err := mg.Write(out); err != nil {
		return err
	}
	s := mg.Summary
	fmt.Fprintf(e.stderr, "merged %d shards into %s: %d inputs, each once: %d rendered, %d unchanged, %d failed",
		mg.Shards, out, mg.Inputs, s.Rendered, s.Unchanged, s.Failed)
	if s.Skipped > 0 {
		fmt.Fprintf(e.stderr, ", %d skipped", s.Skipped)
	}
	fmt.Fprintf(e.stderr, ", %s\n", plural(s.Warnings, "warning"))
	if s.Failed > 0 {
		fmt.Fprintf(e.stderr, "hint: the failed inputs are in %s with their problems\n", out)
		return exitError{code: exitProblem}
	}
	return nil
}
