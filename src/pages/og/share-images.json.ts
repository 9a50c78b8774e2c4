/**
 * The list of share images, for the share-images integration: after the pages
 * are built it draws what changed and writes every image, then removes this file.
 */
import type { APIRoute } from 'astro';
import { shareImages } from '#/queries/share.ts';

export const GET: APIRoute = async () => Response.json(await shareImages());
