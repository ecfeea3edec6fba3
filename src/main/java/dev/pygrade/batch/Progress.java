package dev.pygrade.batch;

import dev.pygrade.report.CandidateResult;

/** Hears about a batch as it runs. Called from the workers: implementations are thread-safe. */
public interface Progress {
    void started(int total);

    void graded(CandidateResult result);

    void finished();

    Progress NONE = new Progress() {
        @Override
        public void started(int total) {
        }

        @Override
        public void graded(CandidateResult result) {
        }

        @Override
        public void finished() {
        }
    };
}
