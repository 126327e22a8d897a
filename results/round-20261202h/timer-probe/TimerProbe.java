import java.util.concurrent.*;
// How long a 10 ms wait really takes on this VM, three ways: Thread.sleep, a ScheduledExecutorService
// task (how WireMock sends a delayed response) and LockSupport.parkNanos. The sleeps are the thing
// measured, not a wait for a result; run with `java TimerProbe.java`.
public class TimerProbe {
  public static void main(String[] a) throws Exception {
    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor();
    for (int round=0; round<3; round++) {
      long sumSleep=0, sumSched=0, sumPark=0; int n=200;
      for (int i=0;i<n;i++){ long t=System.nanoTime(); Thread.sleep(10); sumSleep+=System.nanoTime()-t; }
      for (int i=0;i<n;i++){ long t=System.nanoTime(); s.schedule(()->{},10,TimeUnit.MILLISECONDS).get(); sumSched+=System.nanoTime()-t; }
      for (int i=0;i<n;i++){ long t=System.nanoTime(); java.util.concurrent.locks.LockSupport.parkNanos(10_000_000); sumPark+=System.nanoTime()-t; }
      System.out.printf("sleep %.1f us  sched %.1f us  park %.1f us%n", sumSleep/1e3/n, sumSched/1e3/n, sumPark/1e3/n);
    }
    s.shutdown();
  }
}
