/** A packed package: its name, tarball and the files in it. */
export interface PackedPackage {
  name: string;
  tarball: string;
  files: string[];
}
export declare const root: string;
export declare const publishedPackages: string[];
export declare function npmEnvironment(): NodeJS.ProcessEnv;
export declare function packPackages(destination: string): PackedPackage[];
export declare function writeConsumerProject(
  dir: string,
  tarballs: readonly PackedPackage[],
  devDependencies?: readonly string[],
): void;
