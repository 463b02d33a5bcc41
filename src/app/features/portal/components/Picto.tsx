/** A bundled pictogram (public/pictos/<id>.svg), decorative: the name beside it says what it is. */
export function Picto({ id, size = 64 }: { id: string; size?: number }) {
  return (
    <img
      class="picto"
      src={`/pictos/${id}.svg`}
      alt=""
      width={size}
      height={size}
      onError={(e) => {
        const img = e.currentTarget as HTMLImageElement;
        if (!img.src.endsWith('/info.svg')) img.src = '/pictos/info.svg';
      }}
    />
  );
}
