/** The company the simulated Kuaidi100 issues a number for (see its README subsection). */
export function companyOf(trackingNumber: string): string {
  if (trackingNumber.startsWith('YT')) {
    return 'yuantong';
  }
  if (trackingNumber.startsWith('JT')) {
    return 'jtexpress';
  }
  if (trackingNumber.startsWith('43')) {
    return 'yunda';
  }
  return 'zhongtong';
}
