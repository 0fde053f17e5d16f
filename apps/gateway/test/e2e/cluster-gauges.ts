/** `parcelgate_cluster_replicas` and the sandbox account's rate share, read from `/metrics`. */
export async function limitGauges(url: string): Promise<{ replicas: number; rate: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const replicas = /^parcelgate_cluster_replicas (\S+)$/m.exec(text)?.[1];
  const rate =
    /^parcelgate_carrier_limit_share\{carrier="sandbox",connection="shared",limit="requests_per_second"\} (\S+)$/m.exec(
      text,
    )?.[1];
  return { replicas: Number(replicas ?? Number.NaN), rate: Number(rate ?? Number.NaN) };
}
