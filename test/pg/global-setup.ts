import type { TestProject } from 'vitest/node'
import { startPgCluster, type PgClusterInfo } from '../helpers/pg-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    pgCluster: PgClusterInfo
  }
}

/** One throwaway cluster for the `pg` project; each test file makes its own databases in it. */
export default async function setup(project: TestProject) {
  const cluster = await startPgCluster()
  project.provide('pgCluster', {
    host: cluster.host,
    port: cluster.port,
    socketDir: cluster.socketDir,
    superuser: cluster.superuser,
    caFile: cluster.caFile
  })
  return () => cluster.stop()
}
