package org.mlops4j.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.tracking.Run;

class RunWorkTest {

  /** A run whose fail(...) itself fails, as when the disk is full. */
  private static Run runWhoseFailFails() {
    return (Run)
        Proxy.newProxyInstance(
            Run.class.getClassLoader(),
            new Class<?>[] {Run.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "fail" -> throw new MlopsException("cannot write the error tag: disk full");
                  case "id" -> "0123456789abcdef0123456789abcdef";
                  case "name" -> "r";
                  default -> null;
                });
  }

  @Test
  void workThatThrows_keepsItsOwnExceptionWhenRecordingTheFailureFailsToo() {
    IllegalStateException work = new IllegalStateException("the model diverged");
    Throwable thrown =
        catchThrowable(
            () ->
                LocalTracker.runWork(
                    runWhoseFailFails(),
                    r -> {
                      throw work;
                    }));
    assertThat(thrown).isSameAs(work);
    assertThat(thrown.getSuppressed())
        .singleElement()
        .isInstanceOf(MlopsException.class)
        .hasFieldOrPropertyWithValue("message", "cannot write the error tag: disk full");
  }

  @Test
  void checkedExceptionOfTheWork_isWrappedAndKeepsTheRecordingFailureSuppressed() {
    Exception work = new java.io.IOException("input missing");
    Throwable thrown =
        catchThrowable(
            () ->
                LocalTracker.runWork(
                    runWhoseFailFails(),
                    r -> {
                      throw work;
                    }));
    assertThat(thrown)
        .isExactlyInstanceOf(MlopsException.class)
        .hasCause(work)
        .hasMessage("run 'r' failed: java.io.IOException: input missing");
    assertThat(work.getSuppressed()).singleElement().isInstanceOf(MlopsException.class);
  }
}
