// A worker thread that anchors batches of sources (see anchor-sources.ts). It holds no state
// between batches; an exception ends the thread, and the main thread anchors what is left itself.
import { parentPort } from 'node:worker_threads';
import { anchorTask, type WorkerReply, type WorkerRequest } from './anchor-item.js';

parentPort?.on('message', (request: WorkerRequest) => {
  const reply: WorkerReply = { batch: request.batch, done: request.tasks.map((task) => anchorTask(task, request.options)) };
  parentPort!.postMessage(reply);
});
