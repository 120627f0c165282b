import cluster, { type Worker } from 'node:cluster';

/**
 * `count` copies of this process serving one port (node:cluster hands each
 * new connection to the next worker). The first starts alone, since on a
 * fresh database it runs the migrations and loads the catalogue; the others
 * start once it listens. A worker that dies is replaced; `stop` ends them all.
 */
export async function startWorkers(count: number): Promise<{ stop(): Promise<void> }> {
  let stopping = false;
  const fork = () => new Promise<Worker>((resolve, reject) => {
    const worker = cluster.fork();
    const failed = (code: number) => reject(new Error(`worker ${worker.process.pid} exited with ${code} before it listened`));
    worker.once('exit', failed);
    worker.once('listening', () => {
      worker.off('exit', failed);
      resolve(worker);
    });
  });
  await fork();
  await Promise.all(Array.from({ length: count - 1 }, fork));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} died (${signal ?? code}); starting another`);
    setTimeout(() => void fork().then(
      (replacement) => console.log(`worker ${replacement.process.pid} serves in place of ${worker.process.pid}`),
      (error: unknown) => console.error(error instanceof Error ? error.message : error),
    ), 1000);
  });
  return {
    async stop() {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
      await Promise.all(workers.map((worker) => new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.process.kill('SIGTERM');
      })));
    },
  };
}
