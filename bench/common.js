// Shared by the bench pages (bench/ours.js, ours-map.js, chartjs.js,
// d3map.js, empty.js): waiting for a frame. Their timing loops are in
// timing.js.

/**
 * Resolves after the next frame has been produced: requestAnimationFrame runs
 * just before the frame is painted, and a message posted from it is handled
 * right after (MessageChannel, unlike setTimeout, is not clamped).
 */
export function afterNextFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
  });
}

