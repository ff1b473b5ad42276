package batch

import (
	"fmt"
	"strconv"
	"strings"
)

// ShardsVar is the environment variable that gives the number of shards
// when the job runner gives a worker its index but not the count
// (Kubernetes Indexed Jobs, GNU parallel); --shards N says the same.
const ShardsVar = "PRESSROOM_SHARDS"

// AutoShard is the shard a job runner gave this worker, and where it came
// from.
type AutoShard struct {
	Shard Shard
	// From names the runner and the variables read, for a line such as
	// "shard 3/4 from Kubernetes (JOB_COMPLETION_INDEX=2, --shards 4)".
	From string
}

// runnerVars is how one job runner tells a worker its place in an array
// of workers.
type runnerVars struct {
	name string
	// index is the variable holding the worker's index; base is 0 or 1,
	// the first index.
	index string
	base  int
	// count is the variable holding the number of workers; empty when
	// the runner gives none (then --shards or PRESSROOM_SHARDS must).
	count string
	// slurm marks Slurm's arrays, whose index is an ID from MIN in steps
	// of STEP.
	slurm bool
}

// runners are the job runners --shard auto knows, in the order they are
// looked for; the table is the one place that says which variable means
// what.
var runners = []runnerVars{
	{name: "Kubernetes Indexed Job", index: "JOB_COMPLETION_INDEX", base: 0},
	{name: "AWS Batch array job", index: "AWS_BATCH_JOB_ARRAY_INDEX", base: 0, count: "AWS_BATCH_JOB_ARRAY_SIZE"},
	{name: "Slurm job array", index: "SLURM_ARRAY_TASK_ID", count: "SLURM_ARRAY_TASK_COUNT", slurm: true},
	{name: "GNU parallel", index: "PARALLEL_SEQ", base: 1},
	{name: "GitLab CI parallel job", index: "CI_NODE_INDEX", base: 1, count: "CI_NODE_TOTAL"},
	{name: "CircleCI parallel job", index: "CIRCLE_NODE_INDEX", base: 0, count: "CIRCLE_NODE_TOTAL"},
	{name: "Buildkite parallel job", index: "BUILDKITE_PARALLEL_JOB", base: 0, count: "BUILDKITE_PARALLEL_JOB_COUNT"},
	{name: "Cloud Run job", index: "CLOUD_RUN_TASK_INDEX", base: 0, count: "CLOUD_RUN_TASK_COUNT"},
}

// RunnerVars lists the index variables --shard auto looks for, for
// messages and documentation.
func RunnerVars() []string {
	var names []string
	for _, r := range runners {
		names = append(names, r.index)
	}
	return names
}

// ShardFromEnv finds the shard a job runner gave this worker, reading the
// environment through getenv. shards is --shards N, or 0 when it was not
// given; it supplies the count for runners that give none and must agree
// with the count of those that do. It refuses when no runner's variables
// are set, when the count is missing, when a value is not a number or out
// of range, and when two runners' variables name different shards.
func ShardFromEnv(getenv func(string) string, shards int) (AutoShard, error) {
	var found []AutoShard
	countSrc, count := "", 0
	if shards > 0 {
		countSrc, count = fmt.Sprintf("--shards %d", shards), shards
	} else if v := strings.TrimSpace(getenv(ShardsVar)); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return AutoShard{}, fmt.Errorf("--shard auto: %s=%q: give the number of shards, 1 or more", ShardsVar, v)
		}
		countSrc, count = fmt.Sprintf("%s=%d", ShardsVar, n), n
	}
	for _, r := range runners {
		raw := getenv(r.index)
		if strings.TrimSpace(raw) == "" {
			continue
		}
		a, err := r.shard(getenv, raw, countSrc, count)
		if err != nil {
			return AutoShard{}, fmt.Errorf("--shard auto: %s: %w", r.name, err)
		}
		found = append(found, a)
	}
	if len(found) == 0 {
		return AutoShard{}, fmt.Errorf("--shard auto: no job runner's variables are set (looked for %s): give --shard I/N instead", strings.Join(RunnerVars(), ", "))
	}
	for _, a := range found[1:] {
		if a.Shard != found[0].Shard {
			return AutoShard{}, fmt.Errorf("--shard auto: two job runners disagree: %s says shard %s, %s says shard %s: unset one runner's variables, or give --shard I/N instead",
				found[0].From, found[0].Shard, a.From, a.Shard)
		}
	}
	return found[0], nil
}

// shard reads one runner's variables.
func (r runnerVars) shard(getenv func(string) string, raw, countSrc string, flagCount int) (AutoShard, error) {
	num := func(name, v string) (int, error) {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			return 0, fmt.Errorf("%s=%q is not a whole number", name, v)
		}
		return n, nil
	}
	id, err := num(r.index, raw)
	if err != nil {
		return AutoShard{}, err
	}
	from := []string{fmt.Sprintf("%s=%d", r.index, id)}
	index := id - r.base + 1
	lo, step := 0, 1
	if r.slurm {
		if v := getenv("SLURM_ARRAY_TASK_MIN"); v != "" {
			if lo, err = num("SLURM_ARRAY_TASK_MIN", v); err != nil {
				return AutoShard{}, err
			}
		} else {
			return AutoShard{}, fmt.Errorf("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_MIN is not: run under sbatch --array")
		}
		if v := getenv("SLURM_ARRAY_TASK_STEP"); v != "" {
			if step, err = num("SLURM_ARRAY_TASK_STEP", v); err != nil {
				return AutoShard{}, err
			}
		}
		if step < 1 || id < lo || (id-lo)%step != 0 {
			return AutoShard{}, fmt.Errorf("SLURM_ARRAY_TASK_ID=%d is not in the array %d, %d, … (SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_STEP): use an evenly spaced array such as --array=0-7", id, lo, lo+step)
		}
		index = (id-lo)/step + 1
		from = append(from, fmt.Sprintf("SLURM_ARRAY_TASK_MIN=%d", lo), fmt.Sprintf("SLURM_ARRAY_TASK_STEP=%d", step))
	}
	count := 0
	if r.count != "" {
		if v := getenv(r.count); strings.TrimSpace(v) != "" {
			if count, err = num(r.count, v); err != nil {
				return AutoShard{}, err
			}
			from = append(from, fmt.Sprintf("%s=%d", r.count, count))
		}
	}
	if r.slurm && count > 0 {
		// A list such as --array=1,3,8 has a COUNT but no even steps;
		// MAX tells it from a range.
		if v := getenv("SLURM_ARRAY_TASK_MAX"); v != "" {
			hi, err := num("SLURM_ARRAY_TASK_MAX", v)
			if err != nil {
				return AutoShard{}, err
			}
			if (hi-lo)/step+1 != count {
				return AutoShard{}, fmt.Errorf("the array is not evenly spaced (SLURM_ARRAY_TASK_MIN=%d, SLURM_ARRAY_TASK_MAX=%d, SLURM_ARRAY_TASK_STEP=%d, SLURM_ARRAY_TASK_COUNT=%d): use a range such as --array=0-7", lo, hi, step, count)
			}
		}
	}
	switch {
	case count == 0 && flagCount == 0:
		if r.count == "" {
			return AutoShard{}, fmt.Errorf("%s gives the index but not the number of shards: add --shards N or set %s", from[0], ShardsVar)
		}
		return AutoShard{}, fmt.Errorf("%s is set but %s is not, so the number of shards is unknown: add --shards N or set %s", r.index, r.count, ShardsVar)
	case count == 0:
		count = flagCount
		from = append(from, countSrc)
	case flagCount > 0 && flagCount != count:
		return AutoShard{}, fmt.Errorf("%s=%d but %s: the runner started another number of workers than the command says (to render one slice by hand, give --shard I/%d)", r.count, count, countSrc, flagCount)
	}
	sh := Shard{Index: index, Count: count}
	if index < 1 || index > count {
		return AutoShard{}, fmt.Errorf("%s gives shard %d of %d, which does not exist (%s; indexes from %d)", from[0], index, count, strings.Join(from, ", "), r.base)
	}
	return AutoShard{Shard: sh, From: r.name + " (" + strings.Join(from, ", ") + ")"}, nil
}
