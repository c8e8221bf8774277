using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengzhao.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UploadsInUse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "InUseSince",
                table: "MaterialUploads",
                type: "TEXT",
                nullable: true);

            // The upload time is now kept as a UTC date and time, as the rest of the model keeps times: without the offset.
            migrationBuilder.Sql("UPDATE \"MaterialUploads\" SET \"UploadedAt\" = substr(\"UploadedAt\", 1, length(\"UploadedAt\") - 6) WHERE \"UploadedAt\" LIKE '%+00:00';");

            // Uploads from before the mark are taken as in use: which of them a record names is not known here, and
            // keeping an unused one is better than losing one that is part of a record.
            migrationBuilder.Sql("UPDATE \"MaterialUploads\" SET \"InUseSince\" = \"UploadedAt\";");

            migrationBuilder.CreateIndex(
                name: "IX_MaterialUploads_StoredAs",
                table: "MaterialUploads",
                column: "StoredAs");

            migrationBuilder.CreateIndex(
                name: "IX_MaterialUploads_Unused",
                table: "MaterialUploads",
                column: "UploadedAt",
                filter: "\"InUseSince\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MaterialUploads_StoredAs",
                table: "MaterialUploads");

            migrationBuilder.DropIndex(
                name: "IX_MaterialUploads_Unused",
                table: "MaterialUploads");

            migrationBuilder.DropColumn(
                name: "InUseSince",
                table: "MaterialUploads");
        }
    }
}
