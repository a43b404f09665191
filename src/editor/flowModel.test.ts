import { describe, expect, it } from 'vitest';
import { FAR_ZOOM, farView, zoomBand } from './flowModel';

describe('the simplified (far) view of the canvas', () => {
  it('starts below FAR_ZOOM and ends only above 1.1 x FAR_ZOOM', () => {
    expect(zoomBand(FAR_ZOOM - 0.01)).toBe('far');
    expect(zoomBand(FAR_ZOOM)).toBe('between');
    expect(zoomBand(FAR_ZOOM * 1.05)).toBe('between');
    expect(zoomBand(FAR_ZOOM * 1.1)).toBe('near');
  });

  it('keeps whichever view it had while the zoom hovers between the two lines', () => {
    // Zooming out from detail: still detailed between the lines, simplified below.
    let far = false;
    for (const zoom of [1, 0.5, 0.43, 0.41]) far = farView(zoomBand(zoom), far);
    expect(far).toBe(false);
    far = farView(zoomBand(0.39), far);
    expect(far).toBe(true);
    // Zooming back in: still simplified between the lines, detailed above.
    for (const zoom of [0.41, 0.43]) far = farView(zoomBand(zoom), far);
    expect(far).toBe(true);
    far = farView(zoomBand(0.45), far);
    expect(far).toBe(false);
  });
});
