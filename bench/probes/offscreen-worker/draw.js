export function draw(ctx, w, h) {
  const t = [];
  const now = () => performance.now();
  let s = now();
  ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, w, h);
  ctx.font = "bold 19px Arial, sans-serif"; ctx.fillStyle = "#111";
  ctx.fillText("The Mask (Careto): 31 countries affected", 10, 24);
  t.push(["title", now() - s]); s = now();
  ctx.font = "14px Arial, sans-serif";
  ctx.fillText("31 countries · over 380 unique victims · more than 1,000 victim IP addresses", 10, 46);
  t.push(["regular", now() - s]); s = now();
  const names = ["Morocco","Brazil","United Kingdom","France","Spain","Switzerland","Libya","United States","Germany","Tunisia","Algeria","Argentina","Belgium","Bolivia","China","Colombia","Costa Rica","Cuba","Egypt","Gibraltar","Guatemala","Iran","Iraq","Malaysia","Mexico","Norway","Pakistan","Poland","South Africa","Turkey","Venezuela"];
  ctx.font = "13px Arial, sans-serif";
  names.forEach((n, i) => { ctx.fillStyle = "#8a3b12"; ctx.fillRect(120, 60 + i * 16, 400 - i * 12, 12); ctx.fillStyle = "#111"; ctx.fillText(n, 10, 70 + i * 16); ctx.fillText(String(400 - i * 12), 530 - i * 12, 70 + i * 16); });
  t.push(["rest", now() - s]); s = now();
  ctx.font = "12px Arial, sans-serif";
  ctx.fillText("Source: Kaspersky Lab (S1, 10 Feb 2014) for the 31 countries; S3–S9", 10, 580);
  t.push(["source", now() - s]);
  return t;
}
