package io.strata.tests.slt;

import java.util.List;

/**
 * The outcome of running a list of files on one engine.
 *
 * @param engine the engine
 * @param version the engine's product name and version as its driver reports them
 * @param threads files run at the same time
 * @param files per-file results, in the order the files were listed
 * @param categories failures by category over all files
 * @param wallNanos elapsed time of the whole run
 */
public record EngineRun(SltEngine engine, String version, int threads, List<FileResult> files,
    CategoryTally categories, long wallNanos) {

  public long queries() {
    return files.stream().mapToLong(FileResult::queries).sum();
  }

  public long passed() {
    return files.stream().mapToLong(FileResult::passed).sum();
  }

  public long failed() {
    return files.stream().mapToLong(FileResult::failed).sum();
  }

  public long notRun() {
    return files.stream().mapToLong(FileResult::notRun).sum();
  }
}
