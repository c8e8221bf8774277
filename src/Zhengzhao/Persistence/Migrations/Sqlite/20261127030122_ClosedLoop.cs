using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengzhao.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClosedLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IndustryAuthorityCode",
                table: "Pushes",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LoopClosedOn",
                table: "Pushes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Pushes",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeBy",
                table: "Pushes",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeNote",
                table: "Pushes",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OutcomeOn",
                table: "Pushes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PermitNumber",
                table: "Pushes",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RedispatchedFrom",
                table: "Pushes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RedispatchedTo",
                table: "Pushes",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Item = table.Column<string>(type: "TEXT", nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FiledAtWindow = table.Column<bool>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Commitment = table.Column<string>(type: "TEXT", nullable: true),
                    Supplement = table.Column<string>(type: "TEXT", nullable: true),
                    NotAcceptedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Extension = table.Column<string>(type: "TEXT", nullable: true),
                    Proposal = table.Column<string>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", nullable: true),
                    Pauses = table.Column<string>(type: "TEXT", nullable: false),
                    Steps = table.Column<string>(type: "TEXT", nullable: false),
                    Materials = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Applications_Departments_DepartmentCode",
                        column: x => x.DepartmentCode,
                        principalTable: "Departments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentBreaches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RepairedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentBreaches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Imported = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Problems = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorReport = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LicensingEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PermitNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicensingEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MaterialUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoredAs = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaterialUploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NotificationLetters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SignatoryName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SignedFrom = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    SignedUndertakingVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SignedDigest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotificationLetters_Enterprises_Uscc",
                        column: x => x.Uscc,
                        principalTable: "Enterprises",
                        principalColumn: "Uscc",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NumberSequences",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Next = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NumberSequences", x => x.Scope);
                });

            migrationBuilder.CreateTable(
                name: "OutboundMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeasedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeasedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboundMessages_Departments_DepartmentCode",
                        column: x => x.DepartmentCode,
                        principalTable: "Departments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Permits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ItemVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PermitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidityYears = table.Column<int>(type: "INTEGER", nullable: true),
                    RenewalWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    TextVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Ending = table.Column<string>(type: "TEXT", nullable: true),
                    History = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Permits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Permits_Departments_DepartmentCode",
                        column: x => x.DepartmentCode,
                        principalTable: "Departments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PushCopies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PushId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PushCopies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PushCopies_Departments_DepartmentCode",
                        column: x => x.DepartmentCode,
                        principalTable: "Departments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PushCopies_Pushes_PushId",
                        column: x => x.PushId,
                        principalTable: "Pushes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceHalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpeningHours = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceHalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceHalls_Departments_DepartmentCode",
                        column: x => x.DepartmentCode,
                        principalTable: "Departments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceHalls_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WebhookEndpoints",
                columns: table => new
                {
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SecretProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SetAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookEndpoints", x => x.DepartmentCode);
                    table.ForeignKey(
                        name: "FK_WebhookEndpoints_Departments_DepartmentCode",
                        column: x => x.DepartmentCode,
                        principalTable: "Departments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Slots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Booked = table.Column<int>(type: "INTEGER", nullable: false),
                    IsExtended = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsWithdrawn = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Slots", x => x.Id);
                    table.CheckConstraint("CK_Slots_Booked", "\"Booked\" >= 0 AND \"Booked\" <= \"Capacity\"");
                    table.ForeignKey(
                        name: "FK_Slots_ServiceHalls_HallId",
                        column: x => x.HallId,
                        principalTable: "ServiceHalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SlotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BookedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BookedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bookings_ServiceHalls_HallId",
                        column: x => x.HallId,
                        principalTable: "ServiceHalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Bookings_Slots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "Slots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Pushes_PushedOn",
                table: "Pushes",
                column: "PushedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_DepartmentCode_State",
                table: "Applications",
                columns: new[] { "DepartmentCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_FiledBy_IdempotencyKey",
                table: "Applications",
                columns: new[] { "FiledBy", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Number",
                table: "Applications",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Uscc_State",
                table: "Applications",
                columns: new[] { "Uscc", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_HallId_Date",
                table: "Bookings",
                columns: new[] { "HallId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_Number",
                table: "Bookings",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_SlotId_Uscc",
                table: "Bookings",
                columns: new[] { "SlotId", "Uscc" },
                unique: true,
                filter: "\"State\" = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_Uscc_IdempotencyKey",
                table: "Bookings",
                columns: new[] { "Uscc", "IdempotencyKey" },
                unique: true,
                filter: "\"IdempotencyKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_Uscc_State_Date",
                table: "Bookings",
                columns: new[] { "Uscc", "State", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentBreaches_ApplicationId",
                table: "CommitmentBreaches",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentBreaches_Uscc_RepairedOn",
                table: "CommitmentBreaches",
                columns: new[] { "Uscc", "RepairedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_StartedAt",
                table: "ImportRuns",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_LicensingEvents_OccurredAt",
                table: "LicensingEvents",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_LicensingEvents_Uscc",
                table: "LicensingEvents",
                column: "Uscc");

            migrationBuilder.CreateIndex(
                name: "IX_MaterialUploads_Uscc_UploadedAt",
                table: "MaterialUploads",
                columns: new[] { "Uscc", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationLetters_Uscc_EventId",
                table: "NotificationLetters",
                columns: new[] { "Uscc", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMessages_DeliveredAt_DeadAt_NextAttemptAt",
                table: "OutboundMessages",
                columns: new[] { "DeliveredAt", "DeadAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMessages_DepartmentCode_CreatedAt",
                table: "OutboundMessages",
                columns: new[] { "DepartmentCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Permits_ApplicationId",
                table: "Permits",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Permits_DepartmentCode_IssuedOn",
                table: "Permits",
                columns: new[] { "DepartmentCode", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Permits_Number",
                table: "Permits",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Permits_Uscc",
                table: "Permits",
                column: "Uscc");

            migrationBuilder.CreateIndex(
                name: "IX_PushCopies_DepartmentCode_AcknowledgedOn",
                table: "PushCopies",
                columns: new[] { "DepartmentCode", "AcknowledgedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PushCopies_PushId_DepartmentCode",
                table: "PushCopies",
                columns: new[] { "PushId", "DepartmentCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceHalls_DepartmentCode_Name",
                table: "ServiceHalls",
                columns: new[] { "DepartmentCode", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceHalls_RegionCode",
                table: "ServiceHalls",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Slots_HallId_Date_Start",
                table: "Slots",
                columns: new[] { "HallId", "Date", "Start" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Applications");

            migrationBuilder.DropTable(
                name: "Bookings");

            migrationBuilder.DropTable(
                name: "CommitmentBreaches");

            migrationBuilder.DropTable(
                name: "ImportRuns");

            migrationBuilder.DropTable(
                name: "LicensingEvents");

            migrationBuilder.DropTable(
                name: "MaterialUploads");

            migrationBuilder.DropTable(
                name: "NotificationLetters");

            migrationBuilder.DropTable(
                name: "NumberSequences");

            migrationBuilder.DropTable(
                name: "OutboundMessages");

            migrationBuilder.DropTable(
                name: "Permits");

            migrationBuilder.DropTable(
                name: "PushCopies");

            migrationBuilder.DropTable(
                name: "WebhookEndpoints");

            migrationBuilder.DropTable(
                name: "Slots");

            migrationBuilder.DropTable(
                name: "ServiceHalls");

            migrationBuilder.DropIndex(
                name: "IX_Pushes_PushedOn",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "IndustryAuthorityCode",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "LoopClosedOn",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "OutcomeBy",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "OutcomeNote",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "OutcomeOn",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "PermitNumber",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "RedispatchedFrom",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "RedispatchedTo",
                table: "Pushes");
        }
    }
}
