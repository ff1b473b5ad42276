package batch

import (
	"strings"
	"testing"
)

func TestShardFromEnv(t *testing.T) {
	type env = map[string]string
	for _, tc := range []struct {
		name   string
		env    env
		shards int
		want   Shard
		from   string // a part of AutoShard.From
	}{
		{"kubernetes with --shards", env{"JOB_COMPLETION_INDEX": "0"}, 4, Shard{1, 4}, "Kubernetes Indexed Job (JOB_COMPLETION_INDEX=0, --shards 4)"},
		{"kubernetes with PRESSROOM_SHARDS", env{"JOB_COMPLETION_INDEX": "3", "PRESSROOM_SHARDS": "4"}, 0, Shard{4, 4}, "PRESSROOM_SHARDS=4"},
		{"aws batch", env{"AWS_BATCH_JOB_ARRAY_INDEX": "1", "AWS_BATCH_JOB_ARRAY_SIZE": "4"}, 0, Shard{2, 4}, "AWS Batch array job (AWS_BATCH_JOB_ARRAY_INDEX=1, AWS_BATCH_JOB_ARRAY_SIZE=4)"},
		{"aws batch, --shards agrees", env{"AWS_BATCH_JOB_ARRAY_INDEX": "1", "AWS_BATCH_JOB_ARRAY_SIZE": "4"}, 4, Shard{2, 4}, "AWS Batch"},
		{"slurm 0-3", env{"SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "3", "SLURM_ARRAY_TASK_COUNT": "4"}, 0, Shard{3, 4}, "Slurm job array"},
		{"slurm 1-7:2", env{"SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "7", "SLURM_ARRAY_TASK_STEP": "2", "SLURM_ARRAY_TASK_COUNT": "4"}, 0, Shard{3, 4}, "SLURM_ARRAY_TASK_STEP=2"},
		{"slurm without COUNT, --shards", env{"SLURM_ARRAY_TASK_ID": "10", "SLURM_ARRAY_TASK_MIN": "10"}, 2, Shard{1, 2}, "--shards 2"},
		{"gnu parallel", env{"PARALLEL_SEQ": "4"}, 4, Shard{4, 4}, "GNU parallel (PARALLEL_SEQ=4, --shards 4)"},
		{"gitlab is 1-based", env{"CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "3"}, 0, Shard{1, 3}, "GitLab"},
		{"circleci", env{"CIRCLE_NODE_INDEX": "2", "CIRCLE_NODE_TOTAL": "3"}, 0, Shard{3, 3}, "CircleCI"},
		{"buildkite", env{"BUILDKITE_PARALLEL_JOB": "0", "BUILDKITE_PARALLEL_JOB_COUNT": "2"}, 0, Shard{1, 2}, "Buildkite"},
		{"cloud run", env{"CLOUD_RUN_TASK_INDEX": "9", "CLOUD_RUN_TASK_COUNT": "10"}, 0, Shard{10, 10}, "Cloud Run"},
		{"two runners that agree", env{"CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "2", "JOB_COMPLETION_INDEX": "1"}, 2, Shard{2, 2}, "Kubernetes"},
		{"one worker", env{"CLOUD_RUN_TASK_INDEX": "0", "CLOUD_RUN_TASK_COUNT": "1"}, 0, Shard{1, 1}, "Cloud Run"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ShardFromEnv(func(k string) string { return tc.env[k] }, tc.shards)
			if err != nil {
				t.Fatalf("ShardFromEnv: %v", err)
			}
			if got.Shard != tc.want || !strings.Contains(got.From, tc.from) {
				t.Errorf("ShardFromEnv = %v from %q; want %v from …%s…", got.Shard, got.From, tc.want, tc.from)
			}
		})
	}
}

func TestShardFromEnvRefuses(t *testing.T) {
	type env = map[string]string
	for _, tc := range []struct {
		name   string
		env    env
		shards int
		want   string // a part of the message
	}{
		{"nothing set", env{}, 4, "no job runner's variables are set (looked for JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX"},
		{"kubernetes without a count", env{"JOB_COMPLETION_INDEX": "1"}, 0, "JOB_COMPLETION_INDEX=1 gives the index but not the number of shards: add --shards N or set PRESSROOM_SHARDS"},
		{"gnu parallel without a count", env{"PARALLEL_SEQ": "1"}, 0, "add --shards N"},
		{"aws batch without its size", env{"AWS_BATCH_JOB_ARRAY_INDEX": "1"}, 0, "AWS_BATCH_JOB_ARRAY_INDEX is set but AWS_BATCH_JOB_ARRAY_SIZE is not"},
		{"gitlab without a total", env{"CI_NODE_INDEX": "1"}, 0, "CI_NODE_TOTAL is not"},
		{"circleci without a total", env{"CIRCLE_NODE_INDEX": "1"}, 0, "CIRCLE_NODE_TOTAL is not"},
		{"buildkite without a count", env{"BUILDKITE_PARALLEL_JOB": "1"}, 0, "BUILDKITE_PARALLEL_JOB_COUNT is not"},
		{"cloud run without a count", env{"CLOUD_RUN_TASK_INDEX": "1"}, 0, "CLOUD_RUN_TASK_COUNT is not"},
		{"slurm without a count", env{"SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "0"}, 0, "SLURM_ARRAY_TASK_COUNT is not"},
		{"slurm without MIN", env{"SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "4"}, 0, "SLURM_ARRAY_TASK_MIN is not"},
		{"slurm list", env{"SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "8", "SLURM_ARRAY_TASK_COUNT": "3"}, 0, "not evenly spaced"},
		{"slurm off the step", env{"SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_STEP": "2", "SLURM_ARRAY_TASK_COUNT": "4"}, 0, "not in the array 1, 3"},
		{"count disagrees with --shards", env{"CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "3"}, 4, "CI_NODE_TOTAL=3 but --shards 4"},
		{"count disagrees with PRESSROOM_SHARDS", env{"CIRCLE_NODE_INDEX": "1", "CIRCLE_NODE_TOTAL": "3", "PRESSROOM_SHARDS": "2"}, 0, "CIRCLE_NODE_TOTAL=3 but PRESSROOM_SHARDS=2"},
		{"bad PRESSROOM_SHARDS", env{"JOB_COMPLETION_INDEX": "1", "PRESSROOM_SHARDS": "four"}, 0, `PRESSROOM_SHARDS="four"`},
		{"index not a number", env{"JOB_COMPLETION_INDEX": "x"}, 4, `JOB_COMPLETION_INDEX="x" is not a whole number`},
		{"count not a number", env{"CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "many"}, 0, `CI_NODE_TOTAL="many"`},
		{"index past the count", env{"JOB_COMPLETION_INDEX": "4"}, 4, "gives shard 5 of 4, which does not exist"},
		{"gitlab index 0", env{"CI_NODE_INDEX": "0", "CI_NODE_TOTAL": "2"}, 0, "gives shard 0 of 2"},
		{"two runners disagree", env{"JOB_COMPLETION_INDEX": "0", "PARALLEL_SEQ": "2"}, 4, "two job runners disagree: Kubernetes Indexed Job (JOB_COMPLETION_INDEX=0, --shards 4) says shard 1/4, GNU parallel (PARALLEL_SEQ=2, --shards 4) says shard 2/4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ShardFromEnv(func(k string) string { return tc.env[k] }, tc.shards)
			if err == nil {
				t.Fatalf("ShardFromEnv = %v from %q; want an error", got.Shard, got.From)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "--shard auto: ") {
				t.Errorf("ShardFromEnv: %v\nwant …%s…", err, tc.want)
			}
		})
	}
}
